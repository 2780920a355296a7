package org.fanzha.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.fanzha.audit.AuditTrail;
import org.fanzha.core.PhoneNumber;
import org.fanzha.core.RegionCode;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of agencies, users and API tokens. Every method validates completely
 * before it writes, and writes in one transaction, so a rejected request leaves nothing
 * behind.
 */
@Service
public class Directory implements UserDetailsService {

	private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

	private static final Pattern AGENCY_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

	private static final String TOKEN_PREFIX = "fz_";

	private final Agencies agencies;

	private final Users users;

	private final ApiTokens tokens;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final IdentityProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final SecureRandom random = new SecureRandom();

	Directory(Agencies agencies, Users users, ApiTokens tokens, PasswordEncoder passwords, AuditTrail audit,
			IdentityProperties properties, Clock clock, ApplicationEventPublisher events) {
		this.agencies = agencies;
		this.users = users;
		this.tokens = tokens;
		this.passwords = passwords;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public Agency createAgency(String code, String name, AgencyType type, String regionCode) {
		if (code == null || !AGENCY_CODE.matcher(code).matches()) {
			throw new IllegalArgumentException(
					"Agency code must be 2-32 upper-case letters, digits or '-', got " + quoted(code));
		}
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new IllegalArgumentException("Agency name must be 1-200 characters");
		}
		if (type == null) {
			throw new IllegalArgumentException("Agency type is required");
		}
		RegionCode region = RegionCode.of(regionCode);
		if (agencies.byCode(code).isPresent()) {
			throw new ConflictException("Agency " + code + " already exists");
		}
		Agency created = agencies.insert(code, name.strip(), type, region, clock.instant());
		events.publishEvent(new AgencyRegistered(code, type, region.value()));
		return created;
	}

	@Transactional(readOnly = true)
	public Optional<Agency> agency(String code) {
		return agencies.byCode(code);
	}

	/**
	 * An agency's name for the console ("西安市公安局反诈中心"), or the code itself where none is
	 * registered.
	 */
	@Transactional(readOnly = true)
	public String agencyName(String code) {
		return code == null || code.isBlank() ? "" : agencies.byCode(code).map(Agency::name).orElse(code);
	}

	@Transactional(readOnly = true)
	public List<Agency> agencies() {
		return agencies.all();
	}

	@Transactional
	public UserAccount register(NewUser user) {
		if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
			throw new IllegalArgumentException("Username must be 3-64 characters: lower-case letters, digits, '.', '_' "
					+ "or '-', starting with a letter; got " + quoted(user.username()));
		}
		checkPassword(user.password());
		if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 100) {
			throw new IllegalArgumentException("Display name must be 1-100 characters");
		}
		String phone = user.phone() == null || user.phone().isBlank() ? null : PhoneNumber.parse(user.phone()).value();
		Agency agency = agencies.byCode(user.agencyCode())
			.orElseThrow(() -> new IllegalArgumentException("Unknown agency " + quoted(user.agencyCode())));
		Set<Role> roles = user.roles() == null ? Set.of() : user.roles();
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("A user needs at least one role");
		}
		for (Role role : roles) {
			if (!agency.type().allows(role)) {
				throw new IllegalArgumentException("Role " + role + " is not allowed in a " + agency.type()
						+ " agency; allowed: " + agency.type().allowedRoles());
			}
		}
		if (users.exists(user.username())) {
			throw new ConflictException("User " + user.username() + " already exists");
		}
		long id = users.insert(user.username(), passwords.encode(user.password()), user.displayName().strip(), phone,
				agency.id(), roles, clock.instant());
		audit.changed("USER", user.username(), null, "user registration");
		return new UserAccount(id, user.username(), user.displayName().strip(), phone, agency.code(), Set.copyOf(roles),
				true);
	}

	/** All users with their phone numbers; the read is audited. */
	@Transactional
	public List<UserAccount> users(String purpose) {
		List<UserAccount> all = users.all();
		audit.read("USER", "all (" + all.size() + ")", null, purpose);
		return all;
	}

	@Transactional(readOnly = true)
	public boolean userExists(String username) {
		return users.exists(username);
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
		return users.principal(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Transactional
	public IssuedToken issueToken(String username, String label) {
		if (label == null || label.isBlank() || label.length() > 100) {
			throw new IllegalArgumentException("Token label must be 1-100 characters");
		}
		FanzhaPrincipal user = users.principal(username)
			.orElseThrow(() -> new NotFoundException("No such user " + quoted(username)));
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		// a person's token is a session for a script, a system's the gateway's credential
		Instant expires = now
			.plus(users.phone(username).isPresent() ? properties.personTokenTtl() : properties.tokenTtl());
		// rotation: a new token under a label replaces the live one with that label
		if (tokens.revokeLabel(user.userId(), label.strip(), now) > 0) {
			revocations.incrementAndGet();
			tokenCache.clear();
		}
		long id = tokens.insert(user.userId(), digest(token), label.strip(), now, expires);
		return new IssuedToken(id, username, label.strip(), token, expires);
	}

	@Transactional
	public void revokeToken(long id) {
		if (!tokens.revoke(id, clock.instant())) {
			throw new NotFoundException("No live token with id " + id);
		}
		revocations.incrementAndGet();
		tokenCache.clear();
	}

	private record CachedToken(FanzhaPrincipal principal, long untilNanos, long generation) {
	}

	/**
	 * How long a checked token is answered from memory: a bank gateway sends thousands of
	 * requests a second.
	 */
	static final long TOKEN_CACHE_NANOS = 10_000_000_000L;

	private final ConcurrentHashMap<String, CachedToken> tokenCache = new ConcurrentHashMap<>();

	private final AtomicLong revocations = new AtomicLong();

	/**
	 * As {@link #authenticateToken}, answered from memory for ten seconds after the
	 * database said yes; revoking any token empties the memory at once, so a revoked
	 * token is refused from the next request.
	 */
	public Optional<FanzhaPrincipal> authenticateTokenCached(String token) {
		if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		String d = digest(token);
		long now = System.nanoTime();
		long generation = revocations.get();
		CachedToken c = tokenCache.get(d);
		if (c != null && now - c.untilNanos() < 0 && c.generation() == generation) {
			return Optional.of(c.principal());
		}
		Optional<FanzhaPrincipal> p = authenticateToken(token);
		if (p.isPresent()) {
			if (tokenCache.size() > 10_000) {
				tokenCache.clear();
			}
			tokenCache.put(d, new CachedToken(p.get(), now + TOKEN_CACHE_NANOS, generation));
		}
		return p;
	}

	/**
	 * The principal a bearer token stands for, if the token is live and its user enabled.
	 */
	@Transactional(readOnly = true)
	public Optional<FanzhaPrincipal> authenticateToken(String token) {
		if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		return tokens.activeUser(digest(token), clock.instant())
			.flatMap(users::principalById)
			.filter(FanzhaPrincipal::isEnabled)
			.map(p -> {
				p.eraseCredentials();
				return p;
			});
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < 10 || password.length() > 128
				|| password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
			throw new IllegalArgumentException("Password must be 10-128 characters with letters and digits");
		}
	}

	static String digest(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String quoted(String s) {
		return s == null ? "nothing" : "'" + s + "'";
	}

}
