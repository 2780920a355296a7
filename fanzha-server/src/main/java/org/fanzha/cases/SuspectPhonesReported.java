package org.fanzha.cases;

import java.time.Instant;
import java.util.List;

/** A report names the numbers that called or texted the victim: the operators treat them as confirmed fraud numbers. */
public record SuspectPhonesReported(String caseNumber, Instant reportedAt, List<String> phones) {
}
