/**
 * Warnings (预警劝阻, Anti-Telecom-Fraud Law art. 34): signals about potential victims come
 * in from operators (calls and texts from fraud numbers), banks (payer warnings,
 * transfers to risky accounts), the centre (reports from the public) and the platform
 * itself (numbers confirmed by reports, SIMs restricted by the SIM monitor); each person
 * is graded (high / medium / low) by the engine's
 * {@link org.fanzha.engine.warnings.WarningGrader} and gets one dissuasion task: an SMS
 * (sent at once), a call from the centre's 96110 desk, or an in-person visit routed to
 * the police station of the person's county. Open tasks escalate when unreachable or
 * overdue; outcomes are recorded with the losses they prevented. A station sees only its
 * own tasks; a centre the tasks of its region.
 */
@ApplicationModule(displayName = "Warnings")
package org.fanzha.warnings;

import org.springframework.modulith.ApplicationModule;
