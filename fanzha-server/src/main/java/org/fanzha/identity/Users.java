package org.fanzha.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Users {

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	long insert(String username, String passwordHash, String displayName, String phone, long agencyId, Set<Role> roles,
			Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, phone, agency_id, enabled, created_at)
				VALUES (?, ?, ?, ?, ?, TRUE, ?)""")
			.params(username, passwordHash, displayName, phone, agencyId, Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
		return id;
	}

	Optional<FanzhaPrincipal> principal(String username) {
		return principals("u.username = ?", username).stream().findFirst();
	}

	Optional<FanzhaPrincipal> principalById(long id) {
		return principals("u.id = ?", id).stream().findFirst();
	}

	private List<FanzhaPrincipal> principals(String where, Object key) {
		record Row(long id, String username, String hash, String displayName, String agency, AgencyType type,
				boolean enabled) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT u.id, u.username, u.password_hash, u.display_name, u.enabled, a.code, a.type
				FROM app_user u JOIN agency a ON a.id = u.agency_id WHERE """ + " " + where)
			.param(key)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
					rs.getString("display_name"), rs.getString("code"), AgencyType.valueOf(rs.getString("type")),
					rs.getBoolean("enabled")))
			.list();
		List<FanzhaPrincipal> result = new ArrayList<>(rows.size());
		for (Row r : rows) {
			result.add(new FanzhaPrincipal(r.id(), r.username(), r.displayName(), r.agency(), r.type(), roles(r.id()),
					r.enabled(), r.hash()));
		}
		return result;
	}

	List<UserAccount> all() {
		Map<Long, UserAccount> byId = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT u.id, u.username, u.display_name, u.phone, u.enabled, a.code
				FROM app_user u JOIN agency a ON a.id = u.agency_id ORDER BY a.code, u.username""").query(rs -> {
			long id = rs.getLong("id");
			byId.put(id, new UserAccount(id, rs.getString("username"), rs.getString("display_name"),
					rs.getString("phone"), rs.getString("code"), EnumSet.noneOf(Role.class), rs.getBoolean("enabled")));
		});
		jdbc.sql("SELECT user_id, role FROM user_role").query(rs -> {
			UserAccount u = byId.get(rs.getLong("user_id"));
			if (u != null) {
				u.roles().add(Role.valueOf(rs.getString("role")));
			}
		});
		return List.copyOf(byId.values());
	}

	private Set<Role> roles(long userId) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		jdbc.sql("SELECT role FROM user_role WHERE user_id = ?").param(userId).query(rs -> {
			roles.add(Role.valueOf(rs.getString(1)));
		});
		return roles;
	}

	/** The user's phone number, which people have and system accounts do not. */
	Optional<String> phone(String username) {
		return jdbc.sql("SELECT phone FROM app_user WHERE username = ?")
			.param(username)
			.query((rs, n) -> rs.getString(1))
			.list()
			.stream()
			.filter(p -> p != null && !p.isBlank())
			.findFirst();
	}

}
