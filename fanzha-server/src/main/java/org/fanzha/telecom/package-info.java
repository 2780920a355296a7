/**
 * Telecom (电信): SIM issuance checks for the operators' sales channels against the
 * real-name rules and the per-ID limits (Anti-Telecom-Fraud Law art. 9–10), the register
 * of issued SIMs those limits are counted against, and abnormal-SIM monitoring with
 * graded measures and appeal (art. 11, 14, 32). The rules live in the engine
 * ({@link org.fanzha.engine.telecom.IssuanceCheck}); this module stores, scopes and
 * answers. An operator sees only its own applications and SIMs.
 */
@ApplicationModule(displayName = "Telecom")
package org.fanzha.telecom;

import org.springframework.modulith.ApplicationModule;
