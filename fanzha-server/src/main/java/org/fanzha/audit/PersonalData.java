package org.fanzha.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a console page or API endpoint that shows personal data (names, ID, account and
 * phone numbers, balances, statement rows). Each request to it writes one READ entry to
 * the {@link AuditTrail} before the handler runs: if the entry cannot be written, nothing
 * is shown. The subject reference is the request's path (its variables name the case,
 * instruction or measure), the case reference its {@code caseNumber} variable when it has
 * one.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalData {

	/** What is read, e.g. {@code STOP_PLAN}, {@code BANK_INBOX}, {@code SIM_MEASURE}. */
	String value();

	/** Why it is read, as the audit page shows it. */
	String purpose();

}
