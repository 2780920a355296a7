package org.fanzha.kafka.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fanzha.core.Operator;
import org.fanzha.core.PhoneNumber;
import org.fanzha.kafka.KafkaTopics;
import org.fanzha.kafka.SimulatedClients;
import org.fanzha.monitoring.TransferScreening;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's banks and operators as Kafka producers: v1 messages keyed by payer account
 * and by calling phone.
 */
@Component
@ConditionalOnBooleanProperty("fanzha.kafka.enabled")
class SimulatedClientsProducer implements SimulatedClients {

	private final StringProducer producer;

	private final JsonMapper json;

	SimulatedClientsProducer(StringProducer producer, JsonMapper json) {
		this.producer = producer;
		this.json = json;
	}

	@Override
	public void transfers(String bank, List<TransferScreening.TransferIn> transfers) {
		for (TransferScreening.TransferIn t : transfers) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("version", KafkaTopics.VERSION);
			m.put("bank", bank);
			m.put("transferId", t.transferId());
			m.put("fromAccount", t.fromAccount());
			m.put("toAccount", t.toAccount());
			m.put("amountFen", t.amountFen());
			m.put("time", t.time().toString());
			m.put("deviceId", t.deviceId());
			m.put("channel", t.channel());
			m.put("region", t.region());
			producer.template().send(KafkaTopics.TRANSFERS, t.fromAccount(), json.writeValueAsString(m));
		}
	}

	@Override
	public void call(boolean call, long caller, long callee, long epochSecond, int durationSeconds, boolean answered,
			String regionCode, long imei) {
		String phone = Long.toString(caller);
		Operator op = PhoneNumber.isValid(phone) ? PhoneNumber.parse(phone).operator() : null;
		if (op == null) {
			return; // the telecom intake takes 11-digit mobile numbers of a known segment
					// only
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("version", KafkaTopics.VERSION);
		m.put("operator", op.name());
		m.put("type", call ? "CALL" : "SMS");
		m.put("caller", phone);
		m.put("callee", Long.toString(callee));
		m.put("time", Instant.ofEpochSecond(epochSecond).toString());
		m.put("durationSeconds", durationSeconds);
		m.put("answered", answered);
		m.put("cell", regionCode);
		m.put("imei", imei > 0 && Long.toString(imei).length() >= 14 ? Long.toString(imei) : null);
		producer.template().send(KafkaTopics.CALLS, phone, json.writeValueAsString(m));
	}

}
