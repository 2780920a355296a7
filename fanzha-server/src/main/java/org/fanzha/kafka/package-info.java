/**
 * Kafka, the scale-out path (issue 17): the topics banks and operators produce to
 * ({@code transfers}, {@code calls}, {@code reports}) and the platform produces to
 * ({@code decisions}, {@code instructions}, {@code measures}, {@code flags}), consumers
 * that call the same services as the REST API, the platform's events externalized from
 * the event publication registry, and a single-node KRaft broker from Apache Kafka's own
 * server artifacts ({@code ./fanzha kafka}). Off unless {@code fanzha.kafka.enabled=true}
 * ({@code --kafka}); see docs/kafka.md.
 */
@ApplicationModule(displayName = "Kafka")
package org.fanzha.kafka;

import org.springframework.modulith.ApplicationModule;
