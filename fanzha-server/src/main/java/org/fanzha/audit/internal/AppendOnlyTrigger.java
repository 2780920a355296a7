package org.fanzha.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger that makes the audit table append-only, the counterpart of the PL/pgSQL
 * trigger used on PostgreSQL. Referenced by name from db/migration/h2.
 */
public class AppendOnlyTrigger implements Trigger {

	@Override
	public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException("audit_entry is append-only: updates and deletes are refused", "45000");
	}

}
