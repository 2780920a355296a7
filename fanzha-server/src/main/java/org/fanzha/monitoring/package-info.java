/**
 * Real-time transfer monitoring for banks (交易监测): each transfer is scored as it happens
 * by the engine's {@link org.fanzha.engine.monitor.TransferMonitor} (per-account windows,
 * versioned rules with shadow mode and a guard) and answered with a decision and the
 * reasons a bank officer can read; every restriction carries its reason, deadline and
 * appeal channel (Anti-Telecom-Fraud Law art. 32).
 */
@ApplicationModule(displayName = "Monitoring")
package org.fanzha.monitoring;

import org.springframework.modulith.ApplicationModule;
