package org.fanzha.kafka.internal;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The producer of JSON text this module writes itself (decisions, dead letters, the
 * demo's simulated banks and operators): idempotent, acks=all, and each send waited for,
 * so a consumer commits its offset only after what it produced is on the broker. Not a
 * {@code KafkaTemplate} bean: Boot's template (bytes, for the event externalization)
 * stays as it is.
 */
@Component
@ConditionalOnBooleanProperty("fanzha.kafka.enabled")
class StringProducer implements DisposableBean {

	private final KafkaTemplate<String, String> template;

	StringProducer(KafkaProperties properties) {
		Map<String, Object> config = properties.buildProducerProperties();
		config.put("enable.idempotence", true);
		config.put("acks", "all");
		this.template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer()));
	}

	KafkaTemplate<String, String> template() {
		return template;
	}

	/** Sends and waits for the broker's acknowledgement. */
	void send(String topic, String key, String json) {
		try {
			template.send(topic, key, json).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while sending to " + topic, e);
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot send to " + topic + ": " + e.getMessage(), e);
		}
	}

	@Override
	public void destroy() {
		template.getProducerFactory().reset();
	}

}
