/**
 * Oversight statistics (监督统计, DOMAIN.md §2 capability 11): the figures of the whole
 * platform for a period — reports and losses, money stopped / frozen / returned and the
 * recovery rate, warnings and dissuasions by channel with the losses prevented, SIMs
 * checked / refused / restricted — as a dashboard, a printable report and an Excel
 * workbook. Aggregates only: the oversight role never sees a person's data.
 */
@ApplicationModule(displayName = "Oversight statistics")
package org.fanzha.statistics;

import org.springframework.modulith.ApplicationModule;
