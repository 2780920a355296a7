/**
 * Case intake (报案/接警), 24 hours a day: the victim's report, the payments they made (the
 * first-level accounts, to be entered within 30 minutes of the report), and the
 * identifiers of the suspects. Publishes {@link org.fanzha.cases.CaseReported} so that
 * fund tracing and stop-payment start at once.
 */
@ApplicationModule(displayName = "Cases")
package org.fanzha.cases;

import org.springframework.modulith.ApplicationModule;
