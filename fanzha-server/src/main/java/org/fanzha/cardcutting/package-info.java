/**
 * Card-cutting (断卡): persons with their bank accounts and SIMs, the evidence of their
 * involvement as mules, card sellers or fraud-SIM holders (from transfer monitoring, SIM
 * monitoring and the centre), the 帮信 assessment, and the disciplinary list of
 * Anti-Telecom-Fraud Law art. 31 — proposed by the system, decided only by the police of
 * a prefecture-level or higher unit, notified, appealed and lifted at once when an appeal
 * is verified (art. 32) — which banks and operators query. Schools see their own
 * students' cases (warning, analysis, education, discipline) and the centre's bulletins.
 * The rules live in the engine ({@link org.fanzha.engine.cardcutting}); this module
 * stores, scopes, masks and audits.
 */
@ApplicationModule(displayName = "Card-cutting")
package org.fanzha.cardcutting;

import org.springframework.modulith.ApplicationModule;
