package org.fanzha.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;

/**
 * Kafka is off by default: the context starts with no broker anywhere (the default
 * localhost:9092 has no broker in the tests), no consumer, no topic to create, no event
 * externalized; the REST API is the whole intake.
 */
@SpringBootTest
class KafkaOffTests {

	@Autowired
	ApplicationContext context;

	@Test
	void withKafkaOffTheContextStartsWithoutABrokerAndConnectsToNothing() {
		assertThat(context.getEnvironment().getProperty("fanzha.kafka.enabled")).isEqualTo("false");
		assertThat(context.getBeansOfType(KafkaAdmin.NewTopics.class)).isEmpty();
		assertThat(context.getBeanNamesForType(DelegatingEventExternalizer.class)).isEmpty();
		context.getBeansOfType(KafkaListenerEndpointRegistry.class)
			.values()
			.forEach(r -> assertThat(r.getListenerContainers()).isEmpty());
		assertThat(context.getBeanNamesForType(Producer.class)).isEmpty();
	}

}
