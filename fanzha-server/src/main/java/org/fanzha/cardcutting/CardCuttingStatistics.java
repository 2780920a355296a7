package org.fanzha.cardcutting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Card-cutting figures for a period: disciplinary-list steps (proposed, decided,
 * appealed, lifted, …) and students whose school was notified, per school. Counts only,
 * no person.
 */
@Service
public class CardCuttingStatistics {

	/**
	 * @param listingSteps how many listings took each step in the period (PROPOSED,
	 * DECIDED, APPEALED, LIFTED, …)
	 */
	public record Figures(Map<String, Long> listingSteps, long studentsNotified, Map<String, Long> studentsBySchool,
			long personsRegistered) {
	}

	private final JdbcClient jdbc;

	CardCuttingStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Figures figures(Instant from, Instant to) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		Map<String, Long> steps = new TreeMap<>();
		jdbc.sql(
				"SELECT step, COUNT(*) AS n FROM cardcutting_listing_step WHERE step_at >= ? AND step_at < ? GROUP BY step")
			.params(f, t)
			.query((rs, n) -> steps.put(rs.getString("step"), rs.getLong("n")))
			.list();
		Map<String, Long> schools = new TreeMap<>();
		jdbc.sql("""
				SELECT school_code, COUNT(*) AS n FROM cardcutting_student_case WHERE opened_at >= ? AND opened_at < ?
				GROUP BY school_code""")
			.params(f, t)
			.query((rs, n) -> schools.put(rs.getString("school_code"), rs.getLong("n")))
			.list();
		long persons = jdbc.sql("SELECT COUNT(*) FROM cardcutting_person WHERE created_at >= ? AND created_at < ?")
			.params(f, t)
			.query(Long.class)
			.single();
		return new Figures(steps, schools.values().stream().mapToLong(Long::longValue).sum(), schools, persons);
	}

}
