package org.fanzha.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;

/**
 * What the database still refuses after validation: a value too long is the client's
 * error (400), not a conflict.
 */
class ProblemMappingTest {

	@Test
	void aValueTooLongIsA400NamingTheColumnAndADuplicateStaysA409() {
		ApiProblemHandler handler = new ApiProblemHandler();
		ProblemDetail tooLong = handler.integrity(new DataIntegrityViolationException("insert", new SQLException(
				"Value too long for column \"NAME CHARACTER VARYING(100)\": \"'xxxx' (120)\"", "22001")));
		assertThat(tooLong.getStatus()).isEqualTo(400);
		assertThat(tooLong.getDetail()).contains("name").contains("nothing was stored");
		ProblemDetail duplicate = handler.integrity(new DataIntegrityViolationException("insert",
				new SQLException("duplicate key value violates unique constraint", "23505")));
		assertThat(duplicate.getStatus()).isEqualTo(409);
	}

}
