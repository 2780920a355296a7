package org.fanzha.identity;

import java.time.Instant;

/** A freshly issued API token. {@code token} is shown once; only its digest is stored. */
public record IssuedToken(long id, String username, String label, String token, Instant expiresAt) {
}
