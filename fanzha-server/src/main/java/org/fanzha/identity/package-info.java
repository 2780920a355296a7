/**
 * Identity and access: agencies (anti-fraud centres, police stations, banks, operators,
 * schools, procuratorates, oversight), their users and roles, API tokens for machine
 * clients, and the protected {@link org.fanzha.identity.Area areas} each role may enter.
 * Passwords are BCrypt hashes; tokens are stored only as SHA-256 digests.
 */
@ApplicationModule(displayName = "Identity and access")
package org.fanzha.identity;

import org.springframework.modulith.ApplicationModule;
