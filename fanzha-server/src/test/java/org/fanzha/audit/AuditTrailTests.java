package org.fanzha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;

@SpringBootTest
class AuditTrailTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	record Actor(String username, String agencyCode) implements AuditedActor {
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	private void signIn(String user, String agency) {
		SecurityContextHolder.getContext()
			.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(new Actor(user, agency), null, List.of()));
	}

	@Test
	void recordsWhoReadWhatForWhichCase() {
		signIn("officer-7", "XA-AFC");
		// outside an HTTP request (a scheduled job, an event listener) the channel is
		// SYSTEM
		RequestContextHolder.resetRequestAttributes();
		trail.read("PERSON", "610***********1234", "XA-2026-000123", "victim contact for stop-payment");
		AuditEntry e = trail.search(new AuditQuery(null, null, null, "XA-2026-000123", null, 10)).get(0);
		assertThat(e.actor()).isEqualTo("officer-7");
		assertThat(e.agencyCode()).isEqualTo("XA-AFC");
		assertThat(e.action()).isEqualTo(AuditAction.READ);
		assertThat(e.subjectRef()).isEqualTo("610***********1234");
		assertThat(e.channel()).isEqualTo("SYSTEM");
	}

	@Test
	void theLogIsAppendOnlyInTheDatabaseItself() {
		trail.changed("USER", "someone", null, "test");
		long before = jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'forged'").update())
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update()).hasStackTraceContaining("append-only");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = 'forged'").query(Long.class).single())
			.isZero();
	}

	@Test
	void anEntryRollsBackWithTheAccessItRecords() {
		long before = jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			trail.changed("USER", "rolled-back", null, "test");
			throw new IllegalStateException("the change failed");
		})).hasMessage("the change failed");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void incompleteEntriesAreRefused() {
		assertThatThrownBy(() -> trail.read("PERSON", "x", null, " ")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("purpose");
		assertThatThrownBy(() -> new AuditQuery(null, null, null, null, null, 0)).hasMessageContaining("limit");
	}

}
