package org.fanzha.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fanzha.core.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Agencies {

	private final JdbcClient jdbc;

	Agencies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Agency> byCode(String code) {
		return jdbc.sql("SELECT * FROM agency WHERE code = ?").param(code).query(Agencies::map).optional();
	}

	List<Agency> all() {
		return jdbc.sql("SELECT * FROM agency ORDER BY region_code, code").query(Agencies::map).list();
	}

	Agency insert(String code, String name, AgencyType type, RegionCode region, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO agency (code, name, type, region_code, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(code, name, type.name(), region.value(), Timestamp.from(now))
			.update(keys, "id");
		return new Agency(keys.getKey().longValue(), code, name, type, region);
	}

	private static Agency map(ResultSet rs, int row) throws SQLException {
		return new Agency(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				AgencyType.valueOf(rs.getString("type")), RegionCode.of(rs.getString("region_code")));
	}

}
