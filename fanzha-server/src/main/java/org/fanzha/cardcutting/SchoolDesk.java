package org.fanzha.cardcutting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fanzha.audit.AuditTrail;
import org.fanzha.engine.cardcutting.StudentCase;
import org.fanzha.engine.cardcutting.StudentCase.Stage;
import org.fanzha.identity.Agency;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.Role;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schools' side of card-cutting: a student with recorded involvement is notified to their
 * school as a case (matched by the school's agency code) that the school takes through
 * warning, analysis, education and discipline ({@link StudentCase}), recording when the
 * parents were contacted. A school sees only its own students (another school's case is
 * "not found"); the centre sees all, acts on none, and publishes warning bulletins to
 * schools. Statistics per school. Reads of a student are audited; schools see masked ID
 * and phone numbers.
 */
@Service
public class SchoolDesk {

	public record StepView(String stage, String actor, Instant at, String note) {
	}

	public record CaseView(long id, String idNumber, String name, String phone, String school, String stage,
			String stageLabel, List<String> nextStages, String reason, Instant openedAt, Instant changedAt,
			Instant parentContactedAt, String parentNote, List<StepView> steps) {
	}

	public record SchoolStatistics(String school, String schoolName, int students, int cases, int open,
			Map<String, Integer> byStage, int parentsContacted, int disciplined) {
	}

	public record Bulletin(long id, String title, String body, List<String> schools, Instant publishedAt,
			String publishedBy) {
	}

	public record AdvanceIn(String stage, String note) {
	}

	public record ParentContactIn(String note) {
	}

	public record BulletinIn(String title, String body, List<String> schools) {
	}

	private final CardCuttingRecords store;

	private final AuditTrail audit;

	private final Clock clock;

	private final Directory directory;

	SchoolDesk(CardCuttingRecords store, AuditTrail audit, Clock clock, Directory directory) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
		this.directory = directory;
	}

	/** A student's involvement reaches the school: a new case unless one is open. */
	void openIfNone(long personId, String school, String reason, Instant now) {
		if (!store.openCaseExists(personId)) {
			long id = store.insertCase(personId, school, reason.length() > 400 ? reason.substring(0, 400) : reason,
					now);
			store.caseStep(id, Stage.WARNING.name(), "system", now, "涉\"两卡\"线索通报学校");
		}
	}

	/**
	 * Cases newest first: a school its own, the centre all (or one school's). The read is
	 * audited.
	 */
	@Transactional
	public List<CaseView> cases(Viewer me, String schoolOrNull, int limit) {
		String school = scope(me, schoolOrNull);
		List<CaseView> out = store.cases(school, limit).stream().map(c -> view(me, c)).toList();
		audit.read("STUDENT_CASE", "list of " + out.size() + (school == null ? "" : " at " + school), null,
				"card-cutting: student cases");
		return out;
	}

	@Transactional
	public CaseView studentCase(Viewer me, long id) {
		CardCuttingRecords.CaseRow c = find(me, id);
		CardCuttingRecords.PersonRow p = store.person(c.personId()).orElseThrow();
		audit.read("STUDENT_CASE", InvolvementRegister.ref(p.id(), p.idNumber()), "student case " + id,
				"card-cutting: student case");
		return view(me, c);
	}

	/**
	 * The school moves its case on (warning → analysis → education → discipline or
	 * closed).
	 */
	@Transactional
	public CaseView advance(Viewer me, long id, AdvanceIn in) {
		requireSchool(me);
		CardCuttingRecords.CaseRow c = find(me, id);
		Map<String, String> errors = new LinkedHashMap<>();
		Stage to = null;
		try {
			to = Stage.valueOf(in == null || in.stage() == null ? "" : in.stage());
		}
		catch (IllegalArgumentException e) {
			errors.put("stage", "must be one of " + Arrays.toString(Stage.values()));
		}
		if (in == null || in.note() == null || in.note().isBlank() || in.note().length() > 400) {
			errors.put("note", "is required: what was found or done (at most 400 characters)");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		Instant now = clock.instant();
		StudentCase sc = StudentCase.restore(Stage.valueOf(c.stage()), c.parentContactedAt(), c.changedAt());
		try {
			sc.advance(to, me.username(), in.note().strip(), now);
		}
		catch (IllegalStateException e) {
			throw new ConflictException(e.getMessage());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidFieldsException(Map.of("stage", e.getMessage()));
		}
		if (!store.updateCase(id, c.stage(), sc.stage().name(), now, c.parentContactedAt(), c.parentNote())) {
			throw new ConflictException("case " + id + " changed meanwhile; reload and try again");
		}
		store.caseStep(id, to.name(), me.username(), now, in.note().strip());
		changed(c, "card-cutting: student case " + to.name().toLowerCase(Locale.ROOT));
		return view(me, store.studentCase(id).orElseThrow());
	}

	/**
	 * The school contacted the parents: the first contact's time is kept, the note is the
	 * latest.
	 */
	@Transactional
	public CaseView contactParents(Viewer me, long id, ParentContactIn in) {
		requireSchool(me);
		CardCuttingRecords.CaseRow c = find(me, id);
		if (in == null || in.note() == null || in.note().isBlank() || in.note().length() > 400) {
			throw new InvalidFieldsException(
					Map.of("note", "is required: who was contacted, how (at most 400 characters)"));
		}
		Instant now = clock.instant();
		StudentCase sc = StudentCase.restore(Stage.valueOf(c.stage()), c.parentContactedAt(), c.changedAt());
		try {
			sc.contactParents(me.username(), in.note().strip(), now);
		}
		catch (IllegalStateException e) {
			throw new ConflictException(e.getMessage());
		}
		store.updateCase(id, c.stage(), c.stage(), c.changedAt(), sc.parentContactedAt(), in.note().strip());
		store.caseStep(id, "PARENT_CONTACT", me.username(), now, in.note().strip());
		changed(c, "card-cutting: parents contacted");
		return view(me, store.studentCase(id).orElseThrow());
	}

	/**
	 * Per school: students on record, cases, open cases, cases per stage, parents
	 * contacted, disciplined.
	 */
	@Transactional(readOnly = true)
	public List<SchoolStatistics> statistics(Viewer me) {
		String only = scope(me, null);
		Map<String, Integer> students = store.studentsPerSchool();
		Map<String, List<CardCuttingRecords.CaseRow>> cases = new TreeMap<>();
		for (CardCuttingRecords.CaseRow c : store.cases(only, Integer.MAX_VALUE)) {
			cases.computeIfAbsent(c.schoolCode(), k -> new ArrayList<>()).add(c);
		}
		Set<String> schools = new TreeSet<>(cases.keySet());
		schools.addAll(students.keySet());
		if (only != null) {
			schools.retainAll(List.of(only));
			schools.add(only);
		}
		List<SchoolStatistics> out = new ArrayList<>();
		for (String s : schools) {
			List<CardCuttingRecords.CaseRow> list = cases.getOrDefault(s, List.of());
			EnumMap<Stage, Integer> by = new EnumMap<>(Stage.class);
			for (Stage st : Stage.values()) {
				by.put(st, 0);
			}
			int parents = 0;
			int disciplined = 0;
			for (CardCuttingRecords.CaseRow c : list) {
				by.merge(Stage.valueOf(c.stage()), 1, Integer::sum);
				parents += c.parentContactedAt() == null ? 0 : 1;
				disciplined += store.caseSteps(c.id()).stream().anyMatch(x -> x.step().equals("DISCIPLINE")) ? 1 : 0;
			}
			Map<String, Integer> byStage = new LinkedHashMap<>();
			by.forEach((k, v) -> byStage.put(k.name(), v));
			out.add(new SchoolStatistics(s, directory.agency(s).map(Agency::name).orElse(s),
					students.getOrDefault(s, 0), list.size(), list.size() - by.get(Stage.CLOSED), byStage, parents,
					disciplined));
		}
		return out;
	}

	/**
	 * The centre publishes a warning bulletin to the named schools (none named: every
	 * school).
	 */
	@Transactional
	public Bulletin publish(Viewer me, BulletinIn in) {
		if (!me.centre()) {
			throw new AccessDeniedException("bulletins are published by the anti-fraud centre");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (in == null || in.title() == null || in.title().isBlank() || in.title().length() > 100) {
			errors.put("title", "is required (at most 100 characters)");
		}
		if (in == null || in.body() == null || in.body().isBlank() || in.body().length() > 4000) {
			errors.put("body", "is required (at most 4,000 characters)");
		}
		List<String> schools = in == null || in.schools() == null ? List.of()
				: in.schools().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
		for (String s : schools) {
			if (directory.agency(s).filter(a -> a.type() == AgencyType.SCHOOL).isEmpty()) {
				errors.put("schools", "no school agency with code " + s);
			}
		}
		if (String.join(",", schools).length() > 400) {
			errors.put("schools", "too many schools: publish to all instead");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		Instant now = clock.instant();
		long id = store.insertBulletin(in.title().strip(), in.body().strip(),
				schools.isEmpty() ? "*" : String.join(",", schools), now, me.username());
		return new Bulletin(id, in.title().strip(), in.body().strip(), schools, now, me.username());
	}

	/**
	 * Bulletins newest first: a school those addressed to it or to all, the centre every
	 * one.
	 */
	@Transactional(readOnly = true)
	public List<Bulletin> bulletins(Viewer me, int limit) {
		List<Bulletin> out = new ArrayList<>();
		for (CardCuttingRecords.BulletinRow b : store.bulletins(Integer.MAX_VALUE)) {
			List<String> to = "*".equals(b.schools()) ? List.of() : List.of(b.schools().split(","));
			if (me.role() == Role.SCHOOL_OFFICER && !to.isEmpty() && !to.contains(me.agencyCode())) {
				continue;
			}
			out.add(new Bulletin(b.id(), b.title(), b.body(), to, b.publishedAt(), b.publishedBy()));
			if (out.size() >= limit) {
				break;
			}
		}
		return out;
	}

	private CaseView view(Viewer me, CardCuttingRecords.CaseRow c) {
		CardCuttingRecords.PersonRow p = store.person(c.personId()).orElseThrow();
		Stage stage = Stage.valueOf(c.stage());
		return new CaseView(c.id(), me.id(p.idNumber()), p.name(), me.phone(p.phone()), c.schoolCode(), c.stage(),
				stage.label(), stage.next().stream().map(Enum::name).toList(), c.reason(), c.openedAt(), c.changedAt(),
				c.parentContactedAt(), c.parentNote(),
				store.caseSteps(c.id())
					.stream()
					.map(x -> new StepView(x.step(), x.actor(), x.at(), x.note()))
					.toList());
	}

	private CardCuttingRecords.CaseRow find(Viewer me, long id) {
		CardCuttingRecords.CaseRow c = store.studentCase(id)
			.orElseThrow(() -> new NotFoundException("no student case " + id));
		if (me.role() == Role.SCHOOL_OFFICER && !c.schoolCode().equals(me.agencyCode())) {
			throw new NotFoundException("no student case " + id);
		}
		if (me.role() != Role.SCHOOL_OFFICER && !me.centre()) {
			throw new AccessDeniedException("student cases are for schools and the anti-fraud centre");
		}
		return c;
	}

	private static String scope(Viewer me, String schoolOrNull) {
		if (me.role() == Role.SCHOOL_OFFICER) {
			return me.agencyCode();
		}
		if (!me.centre()) {
			throw new AccessDeniedException("student cases are for schools and the anti-fraud centre");
		}
		return schoolOrNull == null || schoolOrNull.isBlank() ? null : schoolOrNull.strip();
	}

	private static void requireSchool(Viewer me) {
		if (me.role() != Role.SCHOOL_OFFICER) {
			throw new AccessDeniedException("the school handles its students' cases");
		}
	}

	private void changed(CardCuttingRecords.CaseRow c, String purpose) {
		CardCuttingRecords.PersonRow p = store.person(c.personId()).orElseThrow();
		audit.changed("STUDENT_CASE", InvolvementRegister.ref(p.id(), p.idNumber()), "student case " + c.id(), purpose);
	}

}
