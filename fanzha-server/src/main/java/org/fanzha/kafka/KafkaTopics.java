package org.fanzha.kafka;

import java.util.List;

/**
 * The topic names and the message schema version. Every message carries
 * {@code "version": 1}; its JSON Schema is {@code schemas/kafka/<topic>.v1.json} on the
 * classpath (fanzha-server/src/main/resources).
 */
public final class KafkaTopics {

	/**
	 * The schema version of every message this platform writes and the one it accepts.
	 */
	public static final int VERSION = 1;

	/** In: banks' transfers, key = payer account. */
	public static final String TRANSFERS = "transfers";

	/** In: operators' call and SMS records, key = calling phone. */
	public static final String CALLS = "calls";

	/** In: victims' reports (reserved; the schema is fixed, no consumer yet). */
	public static final String REPORTS = "reports";

	/** Out: the decision on each transfer, key = payer account. */
	public static final String DECISIONS = "decisions";

	/** Out: stop, query, freeze and return instructions to banks, key = bank. */
	public static final String INSTRUCTIONS = "instructions";

	/** Out: measures on SIMs to operators, key = phone. */
	public static final String MEASURES = "measures";

	/** Out: mule-account flags, key = account. */
	public static final String FLAGS = "flags";

	/** Suffix of the dead-letter topic of an input topic ({@code transfers.DLT}). */
	public static final String DLT_SUFFIX = ".DLT";

	/** The header of a dead letter that says why it was refused. */
	public static final String REASON_HEADER = "fanzha-dlt-reason";

	/**
	 * The header of every event the platform externalizes (instructions, measures,
	 * flags): an id made from the message's content, the same each time the event is
	 * sent, so that a consumer can tell a repeat from a new event.
	 */
	public static final String EVENT_ID_HEADER = "fanzha-event-id";

	public static final List<String> ALL = List.of(TRANSFERS, CALLS, REPORTS, DECISIONS, INSTRUCTIONS, MEASURES, FLAGS,
			TRANSFERS + DLT_SUFFIX, CALLS + DLT_SUFFIX);

	private KafkaTopics() {
	}

}
