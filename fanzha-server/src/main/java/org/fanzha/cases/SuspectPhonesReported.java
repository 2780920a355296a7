package org.fanzha.cases;

import java.time.Instant;
import java.util.List;

/**
 * A report names the numbers that called or texted the victim: the operators treat them
 * as confirmed fraud numbers. {@code fraudType} is the case's type
 * ({@link org.fanzha.core.FraudType} name), so that a warning raised by a later call from
 * one of these numbers can say which script the caller uses.
 */
public record SuspectPhonesReported(String caseNumber, Instant reportedAt, List<String> phones, String fraudType) {
}
