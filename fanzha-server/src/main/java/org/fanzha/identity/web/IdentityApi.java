package org.fanzha.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.core.Masking;
import org.fanzha.identity.Agency;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.identity.IssuedToken;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
import org.fanzha.identity.UserAccount;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agencies, users and tokens. Only {@code /api/v1/me} is open to every role; the rest is
 * for ADMIN.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Agencies, users and API tokens")
class IdentityApi {

	private final Directory directory;

	IdentityApi(Directory directory) {
		this.directory = directory;
	}

	record Me(String username, String displayName, String agencyCode, String agencyType, Set<Role> roles) {
	}

	record AgencyRequest(String code, String name, AgencyType type, String regionCode) {
	}

	record AgencyView(String code, String name, AgencyType type, String regionCode) {
		static AgencyView of(Agency a) {
			return new AgencyView(a.code(), a.name(), a.type(), a.regionCode().value());
		}
	}

	record UserView(String username, String displayName, String phone, String agencyCode, Set<Role> roles,
			boolean enabled) {
		static UserView of(UserAccount u) {
			return new UserView(u.username(), u.displayName(), u.phone(), u.agencyCode(), u.roles(), u.enabled());
		}
	}

	record TokenRequest(String label) {
	}

	@GetMapping("/me")
	@Operation(summary = "The authenticated user")
	Me me(@AuthenticationPrincipal FanzhaPrincipal me) {
		return new Me(me.username(), me.displayName(), me.agencyCode(), me.agencyType().name(), me.roles());
	}

	@GetMapping("/admin/agencies")
	@Operation(summary = "List agencies")
	List<AgencyView> agencies() {
		return directory.agencies().stream().map(AgencyView::of).toList();
	}

	@PostMapping("/admin/agencies")
	@Operation(summary = "Create an agency")
	ResponseEntity<AgencyView> createAgency(@RequestBody AgencyRequest request) {
		Agency a = directory.createAgency(request.code(), request.name(), request.type(), request.regionCode());
		return ResponseEntity.created(URI.create("/api/v1/admin/agencies/" + a.code())).body(AgencyView.of(a));
	}

	@GetMapping("/admin/users")
	@Operation(summary = "List users (audited: contains phone numbers)")
	List<UserView> users() {
		return directory.users("user administration via API").stream().map(UserView::of).toList();
	}

	@PostMapping("/admin/users")
	@Operation(summary = "Register a user; the role must fit the agency type")
	ResponseEntity<UserView> register(@RequestBody NewUser request) {
		UserAccount u = directory.register(request);
		return ResponseEntity.created(URI.create("/api/v1/admin/users/" + u.username()))
			.body(new UserView(u.username(), u.displayName(), u.phone() == null ? null : Masking.mask(u.phone(), 3, 4),
					u.agencyCode(), u.roles(), u.enabled()));
	}

	@PostMapping("/admin/users/{username}/tokens")
	@Operation(summary = "Issue an API token for a machine client; the token is shown only in this answer")
	ResponseEntity<IssuedToken> issueToken(@PathVariable String username, @RequestBody TokenRequest request) {
		IssuedToken token = directory.issueToken(username, request.label());
		return ResponseEntity.status(201).body(token);
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	@Operation(summary = "Revoke an API token at once")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		directory.revokeToken(id);
		return ResponseEntity.noContent().build();
	}

}
