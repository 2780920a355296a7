package org.fanzha.cardcutting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.fanzha.engine.cardcutting.DisciplinaryListing;
import org.fanzha.engine.cardcutting.DisciplinaryListing.Measure;
import org.fanzha.engine.cardcutting.DisciplinaryListing.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The card-cutting tables (V14, V24 the persons' public ids): persons, accounts, SIMs,
 * involvement, listings and their steps, student cases, bulletins.
 */
@Repository
class CardCuttingRecords {

	record PersonRow(long id, String publicId, String idNumber, String name, String phone, String regionCode,
			String schoolCode, boolean helpedCrimeEstablished, boolean priorPenalty, String consequences,
			Instant createdAt) {
	}

	record AccountRow(String bank, String cardNumber, String accountClass) {
	}

	record SimRow(String phone, String operator) {
	}

	record InvolvementRow(long id, long personId, String kind, String ref, int targets, long settlementFen,
			long advertisingFen, long gainsFen, String source, String detail, Instant occurredAt, Instant recordedAt,
			String recordedBy) {
	}

	record ListingRow(long id, long personId, DisciplinaryListing.Snapshot snapshot) {
	}

	record StepRow(String step, String actor, Instant at, String note) {
	}

	record CaseRow(long id, long personId, String schoolCode, String stage, String reason, Instant openedAt,
			Instant changedAt, Instant parentContactedAt, String parentNote) {
	}

	record BulletinRow(long id, String title, String body, String schools, Instant publishedAt, String publishedBy) {
	}

	private final JdbcClient jdbc;

	CardCuttingRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- persons, accounts, SIMs

	long insertPerson(String publicId, String idNumber, String name, String phone, String region, String school,
			Instant at, String by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO cardcutting_person (public_id, id_number, name, phone, region_code, school_code,
				  helped_crime_established, prior_penalty, consequences, created_at, created_by)
				  VALUES (?, ?, ?, ?, ?, ?, FALSE, FALSE, 'NONE', ?, ?)""")
			.params(publicId, idNumber, name, phone, region, school, ts(at), by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<PersonRow> person(String idNumber) {
		return jdbc.sql("SELECT * FROM cardcutting_person WHERE id_number = ?")
			.param(idNumber)
			.query(CardCuttingRecords::person)
			.optional();
	}

	Optional<PersonRow> personByPublicId(String publicId) {
		return jdbc.sql("SELECT * FROM cardcutting_person WHERE public_id = ?")
			.param(publicId)
			.query(CardCuttingRecords::person)
			.optional();
	}

	Optional<PersonRow> person(long id) {
		return jdbc.sql("SELECT * FROM cardcutting_person WHERE id = ?")
			.param(id)
			.query(CardCuttingRecords::person)
			.optional();
	}

	/**
	 * Persons newest first; a region prefix ("610113" for a county, "6101" for a
	 * prefecture) or null for all.
	 */
	List<PersonRow> persons(String regionPrefixOrNull, int limit) {
		String prefix = regionPrefixOrNull == null ? "" : regionPrefixOrNull;
		return jdbc.sql("SELECT * FROM cardcutting_person WHERE region_code LIKE ? ORDER BY id DESC")
			.param(prefix + "%")
			.query(CardCuttingRecords::person)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	void findings(long personId, boolean established, boolean prior, String consequences) {
		jdbc.sql(
				"""
						UPDATE cardcutting_person SET helped_crime_established = ?, prior_penalty = ?, consequences = ? WHERE id = ?""")
			.params(established, prior, consequences, personId)
			.update();
	}

	boolean cardExists(String cardNumber) {
		return jdbc.sql("SELECT COUNT(*) FROM cardcutting_account WHERE card_number = ?")
			.param(cardNumber)
			.query(Integer.class)
			.single() > 0;
	}

	void insertAccount(long personId, String bank, String cardNumber, String accountClass, Instant at) {
		jdbc.sql(
				"""
						INSERT INTO cardcutting_account (person_id, bank, card_number, account_class, added_at) VALUES (?, ?, ?, ?, ?)""")
			.params(personId, bank, cardNumber, accountClass, ts(at))
			.update();
	}

	List<AccountRow> accounts(long personId) {
		return jdbc.sql("SELECT * FROM cardcutting_account WHERE person_id = ? ORDER BY id")
			.param(personId)
			.query((rs, n) -> new AccountRow(rs.getString("bank"), rs.getString("card_number"),
					rs.getString("account_class")))
			.list();
	}

	/**
	 * Locks the person's row until the transaction ends, so that two pieces of
	 * involvement recorded at the same time (e.g. a flagged account and a restricted SIM,
	 * heard in parallel) each see the other when deciding on a proposal.
	 */
	void lockPerson(long personId) {
		jdbc.sql("SELECT id FROM cardcutting_person WHERE id = ? FOR UPDATE").param(personId).query(Long.class).list();
	}

	Optional<Long> personOfCard(String cardNumber) {
		return jdbc.sql("SELECT person_id FROM cardcutting_account WHERE card_number = ?")
			.param(cardNumber)
			.query(Long.class)
			.optional();
	}

	boolean simExists(String phone) {
		return jdbc.sql("SELECT COUNT(*) FROM cardcutting_sim WHERE phone = ?")
			.param(phone)
			.query(Integer.class)
			.single() > 0;
	}

	void insertSim(long personId, String phone, String operator, Instant at) {
		jdbc.sql("INSERT INTO cardcutting_sim (phone, person_id, operator, added_at) VALUES (?, ?, ?, ?)")
			.params(phone, personId, operator, ts(at))
			.update();
	}

	List<SimRow> sims(long personId) {
		return jdbc.sql("SELECT * FROM cardcutting_sim WHERE person_id = ? ORDER BY phone")
			.param(personId)
			.query((rs, n) -> new SimRow(rs.getString("phone"), rs.getString("operator")))
			.list();
	}

	Optional<Long> personOfSim(String phone) {
		return jdbc.sql("SELECT person_id FROM cardcutting_sim WHERE phone = ?")
			.param(phone)
			.query(Long.class)
			.optional();
	}

	// --- involvement

	void insertInvolvement(long personId, String kind, String ref, int targets, long settlement, long advertising,
			long gains, String source, String detail, Instant occurredAt, Instant at, String by) {
		jdbc.sql(
				"""
						INSERT INTO cardcutting_involvement (person_id, kind, ref, targets_helped, settlement_fen, advertising_fen,
						  gains_fen, source, detail, occurred_at, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(personId, kind, ref, targets, settlement, advertising, gains, source, detail, ts(occurredAt),
					ts(at), by)
			.update();
	}

	boolean involvementExists(long personId, String kind, String ref, String source) {
		return jdbc
			.sql("""
					SELECT COUNT(*) FROM cardcutting_involvement WHERE person_id = ? AND kind = ? AND ref = ? AND source = ?""")
			.params(personId, kind, ref, source)
			.query(Integer.class)
			.single() > 0;
	}

	List<InvolvementRow> involvements(long personId) {
		return jdbc.sql("SELECT * FROM cardcutting_involvement WHERE person_id = ? ORDER BY occurred_at, id")
			.param(personId)
			.query((rs, n) -> new InvolvementRow(rs.getLong("id"), rs.getLong("person_id"), rs.getString("kind"),
					rs.getString("ref"), rs.getInt("targets_helped"), rs.getLong("settlement_fen"),
					rs.getLong("advertising_fen"), rs.getLong("gains_fen"), rs.getString("source"),
					rs.getString("detail"), instant(rs, "occurred_at"), instant(rs, "recorded_at"),
					rs.getString("recorded_by")))
			.list();
	}

	// --- listings

	long insertListing(long personId, DisciplinaryListing.Snapshot s) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO cardcutting_listing (person_id, id_number, status, evidence, proposed_at, appeals_rejected)
				VALUES (?, ?, ?, ?, ?, 0)""")
			.params(personId, s.idNumber(), s.status().name(), String.join("\n", s.evidence()), ts(s.proposedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Stores the listing's new state if it is still in the state it was read in (a
	 * concurrent step loses).
	 */
	boolean updateListing(long id, Status expected, DisciplinaryListing.Snapshot s) {
		DisciplinaryListing.Notice n = s.notice();
		return jdbc
			.sql("""
					UPDATE cardcutting_listing SET status = ?, decided_by = ?, deciding_unit = ?, decided_at = ?,
					  non_counter_until = ?, no_accounts_until = ?, sim_limit_until = ?, notice_reason = ?, notice_channel = ?,
					  notice_documents = ?, appeal_deadline = ?, notified_at = ?, notice_text = ?, appeal_statement = ?,
					  appeal_documents = ?, appealed_at = ?, appeals_rejected = ?, closed_by = ?, closed_at = ?, close_note = ?
					WHERE id = ? AND status = ?""")
			.params(s.status().name(), s.decidedBy(), s.decidingUnit(), ts(s.decidedAt()),
					ts(s.until().get(Measure.NON_COUNTER_BUSINESS_STOPPED)), ts(s.until().get(Measure.NO_NEW_ACCOUNTS)),
					ts(s.until().get(Measure.SIM_LIMIT)), n == null ? null : n.reason(),
					n == null ? null : n.appealChannel(), n == null ? null : String.join("\n", n.documents()),
					n == null ? null : ts(n.appealDeadline()), n == null ? null : ts(n.issuedAt()),
					n == null ? null : n.text(), s.appealStatement(),
					s.appealDocuments().isEmpty() ? null : String.join("\n", s.appealDocuments()), ts(s.appealedAt()),
					s.appealsRejected(), s.closedBy(), ts(s.closedAt()), s.closeNote(), id, expected.name())
			.update() == 1;
	}

	Optional<ListingRow> listing(long id) {
		return jdbc.sql("SELECT * FROM cardcutting_listing WHERE id = ?")
			.param(id)
			.query(CardCuttingRecords::listing)
			.optional();
	}

	List<ListingRow> listingsOf(long personId) {
		return jdbc.sql("SELECT * FROM cardcutting_listing WHERE person_id = ? ORDER BY id DESC")
			.param(personId)
			.query(CardCuttingRecords::listing)
			.list();
	}

	/** The listings that may bind (decided, notified, appealed) on an ID number. */
	List<ListingRow> bindingListings(String idNumber) {
		return jdbc.sql("""
				SELECT * FROM cardcutting_listing WHERE id_number = ? AND status IN ('DECIDED', 'NOTIFIED', 'APPEALED')
				ORDER BY id""").param(idNumber).query(CardCuttingRecords::listing).list();
	}

	/**
	 * Listings newest first, optionally of one status and of persons in a region prefix.
	 */
	List<ListingRow> listings(String statusOrNull, String regionPrefixOrNull, int limit) {
		return jdbc.sql("""
				SELECT l.* FROM cardcutting_listing l JOIN cardcutting_person p ON p.id = l.person_id
				WHERE (CAST(? AS VARCHAR(20)) IS NULL OR l.status = ?) AND p.region_code LIKE ? ORDER BY l.id DESC""")
			.params(statusOrNull, statusOrNull, (regionPrefixOrNull == null ? "" : regionPrefixOrNull) + "%")
			.query(CardCuttingRecords::listing)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	void step(long listingId, String step, String actor, Instant at, String note) {
		jdbc.sql("INSERT INTO cardcutting_listing_step (listing_id, step, actor, step_at, note) VALUES (?, ?, ?, ?, ?)")
			.params(listingId, step, actor, ts(at), note)
			.update();
	}

	List<StepRow> steps(long listingId) {
		return jdbc.sql("SELECT * FROM cardcutting_listing_step WHERE listing_id = ? ORDER BY id")
			.param(listingId)
			.query((rs, n) -> new StepRow(rs.getString("step"), rs.getString("actor"), instant(rs, "step_at"),
					rs.getString("note")))
			.list();
	}

	// --- student cases

	long insertCase(long personId, String school, String reason, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO cardcutting_student_case (person_id, school_code, stage, reason, opened_at, changed_at)
				VALUES (?, ?, 'WARNING', ?, ?, ?)""")
			.params(personId, school, reason, ts(at), ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean openCaseExists(long personId) {
		return jdbc.sql("SELECT COUNT(*) FROM cardcutting_student_case WHERE person_id = ? AND stage <> 'CLOSED'")
			.param(personId)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<CaseRow> studentCase(long id) {
		return jdbc.sql("SELECT * FROM cardcutting_student_case WHERE id = ?")
			.param(id)
			.query(CardCuttingRecords::studentCase)
			.optional();
	}

	List<CaseRow> cases(String schoolOrNull, int limit) {
		return jdbc.sql("""
				SELECT * FROM cardcutting_student_case WHERE (CAST(? AS VARCHAR(32)) IS NULL OR school_code = ?)
				ORDER BY id DESC""")
			.params(schoolOrNull, schoolOrNull)
			.query(CardCuttingRecords::studentCase)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	boolean updateCase(long id, String expectedStage, String stage, Instant changedAt, Instant parentAt,
			String parentNote) {
		return jdbc.sql("""
				UPDATE cardcutting_student_case SET stage = ?, changed_at = ?, parent_contacted_at = ?, parent_note = ?
				WHERE id = ? AND stage = ?""")
			.params(stage, ts(changedAt), ts(parentAt), parentNote, id, expectedStage)
			.update() == 1;
	}

	void caseStep(long caseId, String stage, String actor, Instant at, String note) {
		jdbc.sql("INSERT INTO cardcutting_student_step (case_id, stage, actor, step_at, note) VALUES (?, ?, ?, ?, ?)")
			.params(caseId, stage, actor, ts(at), note)
			.update();
	}

	List<StepRow> caseSteps(long caseId) {
		return jdbc.sql("SELECT * FROM cardcutting_student_step WHERE case_id = ? ORDER BY id")
			.param(caseId)
			.query((rs, n) -> new StepRow(rs.getString("stage"), rs.getString("actor"), instant(rs, "step_at"),
					rs.getString("note")))
			.list();
	}

	/** Students (persons with a school) per school. */
	Map<String, Integer> studentsPerSchool() {
		Map<String, Integer> out = new TreeMap<>();
		jdbc.sql(
				"""
						SELECT school_code, COUNT(*) AS n FROM cardcutting_person WHERE school_code IS NOT NULL GROUP BY school_code""")
			.query((rs, n) -> out.put(rs.getString("school_code"), rs.getInt("n")))
			.list();
		return out;
	}

	// --- bulletins

	long insertBulletin(String title, String body, String schools, Instant at, String by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO cardcutting_bulletin (title, body, schools, published_at, published_by) VALUES (?, ?, ?, ?, ?)""")
			.params(title, body, schools, ts(at), by)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<BulletinRow> bulletins(int limit) {
		return jdbc.sql("SELECT * FROM cardcutting_bulletin ORDER BY id DESC")
			.query((rs, n) -> new BulletinRow(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
					rs.getString("schools"), instant(rs, "published_at"), rs.getString("published_by")))
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	// --- mapping

	private static PersonRow person(ResultSet rs, int n) throws SQLException {
		return new PersonRow(rs.getLong("id"), rs.getString("public_id"), rs.getString("id_number"),
				rs.getString("name"), rs.getString("phone"), rs.getString("region_code"), rs.getString("school_code"),
				rs.getBoolean("helped_crime_established"), rs.getBoolean("prior_penalty"), rs.getString("consequences"),
				instant(rs, "created_at"));
	}

	private static ListingRow listing(ResultSet rs, int n) throws SQLException {
		EnumMap<Measure, Instant> until = new EnumMap<>(Measure.class);
		put(until, Measure.NON_COUNTER_BUSINESS_STOPPED, instant(rs, "non_counter_until"));
		put(until, Measure.NO_NEW_ACCOUNTS, instant(rs, "no_accounts_until"));
		put(until, Measure.SIM_LIMIT, instant(rs, "sim_limit_until"));
		DisciplinaryListing.Notice notice = null;
		if (rs.getString("notice_text") != null) {
			notice = new DisciplinaryListing.Notice(rs.getString("notice_reason"), rs.getString("notice_channel"),
					lines(rs.getString("notice_documents")), instant(rs, "appeal_deadline"), instant(rs, "notified_at"),
					rs.getString("notice_text"));
		}
		DisciplinaryListing.Snapshot s = new DisciplinaryListing.Snapshot(rs.getString("id_number"),
				lines(rs.getString("evidence")), Status.valueOf(rs.getString("status")), instant(rs, "proposed_at"),
				rs.getString("decided_by"), rs.getString("deciding_unit"), instant(rs, "decided_at"), until, notice,
				rs.getString("appeal_statement"), lines(rs.getString("appeal_documents")), instant(rs, "appealed_at"),
				rs.getInt("appeals_rejected"), rs.getString("closed_by"), instant(rs, "closed_at"),
				rs.getString("close_note"));
		return new ListingRow(rs.getLong("id"), rs.getLong("person_id"), s);
	}

	private static CaseRow studentCase(ResultSet rs, int n) throws SQLException {
		return new CaseRow(rs.getLong("id"), rs.getLong("person_id"), rs.getString("school_code"),
				rs.getString("stage"), rs.getString("reason"), instant(rs, "opened_at"), instant(rs, "changed_at"),
				instant(rs, "parent_contacted_at"), rs.getString("parent_note"));
	}

	private static void put(EnumMap<Measure, Instant> until, Measure m, Instant at) {
		if (at != null) {
			until.put(m, at);
		}
	}

	static List<String> lines(String s) {
		return s == null || s.isEmpty() ? List.of() : new ArrayList<>(List.of(s.split("\n")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
