package org.fanzha.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fanzha.engine.monitor.RuleSet;
import org.junit.jupiter.api.Test;

/**
 * The binary {@code transfers} form reads as the JSON form does; the hand-written
 * {@code decisions} writer gives the tree writer's text; the compact serializers give
 * back what they were given.
 */
class MessagesTest {

	@Test
	void aBinaryTransferReadsAsItsJsonForm() {
		Transfer t = new Transfer("B1", "T000000042", "A7", "A\u00e9\"9", 12_345, 1_700_000_000L);
		Transfer cash = new Transfer("B2", "T000000043", "A8", null, 500, 1_700_000_001L);
		for (Transfer one : List.of(t, cash)) {
			Transfer fromJson = Messages.transfer(Messages.transferJson(one), 7);
			Transfer fromBytes = Messages.transfer(Messages.transferBytes(one), 7);
			assertThat(fromBytes).usingRecursiveComparison().isEqualTo(fromJson);
			assertThat(Messages.transfer(Messages.transferJson(one).getBytes(StandardCharsets.UTF_8), 7))
				.usingRecursiveComparison()
				.isEqualTo(fromJson);
		}
		byte[] other = Messages.transferBytes(t);
		other[2] = 2;
		assertThatThrownBy(() -> Messages.transfer(other, 0)).isInstanceOf(IllegalArgumentException.class);
		byte[] cut = Arrays.copyOf(Messages.transferBytes(t), 12);
		assertThatThrownBy(() -> Messages.transfer(cut, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theDecisionWriterWritesTheTreeWritersText() {
		RuleSet rules = Decider.withDefaultRules().rules();
		Messages.DecisionWriter w = new Messages.DecisionWriter(rules);
		DecisionMessage d = new DecisionMessage();
		d.bank = "B\"1\\\n\u0001\u4e2d";
		d.fromAccount = "A1";
		d.transferId = "T1";
		d.action = "DELAY";
		d.holdUntil = 1_700_000_000L;
		d.matched = (1L << rules.rules().size()) - 1;
		d.ruleVersion = 3;
		assertThat(w.json(d)).isEqualTo(Messages.decisionJson(d, rules));
		d.holdUntil = 0;
		d.matched = 0b101;
		d.fromAccount = null;
		assertThat(w.json(d)).isEqualTo(Messages.decisionJson(d, rules));
	}

	@Test
	void compactSerializersGiveBackTheirRecords() throws Exception {
		Leg l = new Leg(Leg.IN, "A2", "A1", new Transfer("B1", "T9", "A1", "A2", 100, 5));
		l.producedAt = 77;
		Half h = new Half();
		h.transferId = "T9";
		h.toAccount = "\u00e9";
		h.paired = true;
		h.side = Leg.OUT;
		h.features = new double[] { 1.5, -2, 0 };
		Call c = new Call();
		c.caller = 13_800_000_000L;
		c.imei = 86L;
		c.call = true;
		c.durationSeconds = 30;
		assertThat(roundTrip(new Compact.LegSerializer(), l)).usingRecursiveComparison().isEqualTo(l);
		assertThat(roundTrip(new Compact.HalfSerializer(), h)).usingRecursiveComparison().isEqualTo(h);
		assertThat(roundTrip(new Compact.CallSerializer(), c)).usingRecursiveComparison().isEqualTo(c);
		assertThat(new Compact.LegSerializer().copy(l)).usingRecursiveComparison().isEqualTo(l);
	}

	private static <T> T roundTrip(Compact.Serializer<T> s, T value) throws Exception {
		DataOutputSerializer out = new DataOutputSerializer(64);
		s.serialize(value, out);
		return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
	}

}
