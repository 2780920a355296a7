package org.fanzha.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.fanzha.funds.InstructionTransitioned;
import org.fanzha.kafka.KafkaTopics;
import org.fanzha.monitoring.MuleAccountFlagged;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.fanzha.telecom.SimRestricted;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Everything Kafka, only with {@code fanzha.kafka.enabled=true}: the topics, the error
 * handler that sends a bad message to {@code <topic>.DLT} with its reason, and which of
 * the platform's events leave through the event publication registry (a publication is
 * completed only when the broker acknowledged the record).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("fanzha.kafka.enabled")
@EnableKafka
class KafkaConfiguration {

	@Bean
	KafkaAdmin.NewTopics fanzhaTopics(Environment env) {
		int partitions = env.getProperty("fanzha.kafka.partitions", Integer.class, 3);
		return new KafkaAdmin.NewTopics(KafkaTopics.ALL.stream()
			.map(t -> TopicBuilder.name(t).partitions(partitions).replicas(1).build())
			.toArray(NewTopic[]::new));
	}

	/**
	 * A message that can never be processed (not JSON, wrong version, invalid fields)
	 * goes to the dead-letter topic at once, with the reason in
	 * {@link KafkaTopics#REASON_HEADER}; anything else (the database, the broker) is
	 * retried three times, then dead-lettered too: never dropped.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(StringProducer producer) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(producer.template(),
				(record, ex) -> new TopicPartition(record.topic() + KafkaTopics.DLT_SUFFIX, -1));
		recoverer.setHeadersFunction((record, ex) -> {
			RecordHeaders headers = new RecordHeaders();
			headers.add(new RecordHeader(KafkaTopics.REASON_HEADER,
					BadMessage.reason(ex).getBytes(StandardCharsets.UTF_8)));
			return headers;
		});
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 3));
		handler.addNotRetryableExceptions(BadMessage.class, InvalidFieldsException.class, ConflictException.class,
				IllegalArgumentException.class);
		return handler;
	}

	/**
	 * Instructions to banks (key: the bank), measures on SIMs (key: the phone) and
	 * mule-account flags (key: the account), each as a versioned message
	 * (schemas/kafka/*.v1.json).
	 */
	@Bean
	EventExternalizationConfiguration eventExternalization() {
		return EventExternalizationConfiguration.externalizing()
			.select(e -> e instanceof InstructionTransitioned || e instanceof SimRestricted
					|| e instanceof MuleAccountFlagged)
			.mapping(InstructionTransitioned.class, KafkaConfiguration::instruction)
			.mapping(SimRestricted.class, KafkaConfiguration::measure)
			.mapping(MuleAccountFlagged.class, KafkaConfiguration::flag)
			.route(InstructionTransitioned.class,
					e -> RoutingTarget.forTarget(KafkaTopics.INSTRUCTIONS).andKey(e.institution()))
			.route(SimRestricted.class, e -> RoutingTarget.forTarget(KafkaTopics.MEASURES).andKey(e.phone()))
			.route(MuleAccountFlagged.class, e -> RoutingTarget.forTarget(KafkaTopics.FLAGS).andKey(e.accountId()))
			.headers(KafkaConfiguration::eventId)
			.build();
	}

	/**
	 * The header that tells a repeat from a new event: a name-based UUID of the message
	 * (the headers are computed from the mapped message, not the event), the same each
	 * time the same event is sent; as bytes, so that it travels raw.
	 */
	static Map<String, Object> eventId(Object message) {
		UUID id = UUID.nameUUIDFromBytes(String.valueOf(message).getBytes(StandardCharsets.UTF_8));
		return Map.of(KafkaTopics.EVENT_ID_HEADER, id.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The template the externalization sends with (Boot's own steps back): it does not
	 * send again what an earlier run already put on the broker
	 * ({@link OnceOnlyTemplate}).
	 */
	@Bean
	KafkaTemplate<Object, Object> kafkaTemplate(ProducerFactory<Object, Object> producers, KafkaProperties properties,
			ObjectProvider<RecordMessageConverter> converter, ObjectProvider<ProducerListener<Object, Object>> listener,
			JdbcClient jdbc) {
		OnceOnlyTemplate template = new OnceOnlyTemplate(producers, properties.buildConsumerProperties(), jdbc);
		converter.ifUnique(template::setMessageConverter);
		listener.ifUnique(template::setProducerListener);
		return template;
	}

	static Map<String, Object> instruction(InstructionTransitioned e) {
		Map<String, Object> m = versioned();
		m.put("type", e.type().name());
		m.put("instructionId", e.instructionId());
		m.put("caseNumber", e.caseNumber());
		m.put("bank", e.institution());
		m.put("from", e.from());
		m.put("to", e.to());
		m.put("awaitsBank", e.awaitsBank());
		m.put("at", e.at() == null ? null : e.at().toString());
		m.put("deadline", e.deadline() == null ? null : e.deadline().toString());
		return m;
	}

	static Map<String, Object> measure(SimRestricted e) {
		Map<String, Object> m = versioned();
		m.put("phone", e.phone());
		m.put("operator", e.operator());
		m.put("measure", e.measure());
		m.put("simBox", e.simBox());
		m.put("reasons", e.reasons());
		m.put("at", e.at() == null ? null : e.at().toString());
		return m;
	}

	static Map<String, Object> flag(MuleAccountFlagged e) {
		Map<String, Object> m = versioned();
		m.put("accountId", e.accountId());
		m.put("bank", e.institution());
		m.put("decision", e.decision());
		m.put("rules", e.rules());
		m.put("reason", e.reason());
		m.put("at", e.flaggedAt() == null ? null : e.flaggedAt().toString());
		return m;
	}

	private static Map<String, Object> versioned() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("version", KafkaTopics.VERSION);
		return m;
	}

}
