package org.fanzha.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Hand-written Flink serializers for the records that cross the job's network edges and
 * sit in its state ({@link Leg}, {@link Half}, {@link Transfer}, {@link DecisionMessage},
 * {@link Keyed}, {@link Call}): fields written in a fixed order, no reflection.
 *
 * <p>
 * Why: a JFR profile of the one-slot job (docs/benchmarks.md, issue 17) showed Flink's
 * POJO serializer (field access by reflection, a new instance filled field by field) and
 * its string codec (a thread-local char buffer looked up per string) as the account
 * stage's largest cost after its timers. Here a string is a length and, when every char
 * is ASCII (account and transfer ids, bank codes), its bytes; other strings fall back to
 * modified UTF-8. Cost per record: one pass over its fields; a read allocates the record
 * and its strings, nothing else.
 */
public final class Compact {

	private Compact() {
	}

	public static final TypeInformation<Leg> LEG = new Info<>(Leg.class, new LegSerializer());

	public static final TypeInformation<Half> HALF = new Info<>(Half.class, new HalfSerializer());

	public static final TypeInformation<Transfer> TRANSFER = new Info<>(Transfer.class, new TransferSerializer());

	public static final TypeInformation<DecisionMessage> DECISION = new Info<>(DecisionMessage.class,
			new DecisionSerializer());

	public static final TypeInformation<Keyed> KEYED = new Info<>(Keyed.class, new KeyedSerializer());

	public static final TypeInformation<Call> CALL = new Info<>(Call.class, new CallSerializer());

	/** A null string: -1; ASCII: 2 × length, then the bytes; else 2 × length + 1, UTF. */
	static void writeString(DataOutputView out, String s) throws IOException {
		if (s == null) {
			out.writeInt(-1);
			return;
		}
		int n = s.length();
		for (int i = 0; i < n; i++) {
			if (s.charAt(i) >= 0x80) {
				out.writeInt(2 * n + 1);
				out.writeUTF(s);
				return;
			}
		}
		out.writeInt(2 * n);
		// byte by byte: DataOutputSerializer.writeBytes(String) advances its position
		// twice
		for (int i = 0; i < n; i++) {
			out.writeByte(s.charAt(i));
		}
	}

	static String readString(DataInputView in) throws IOException {
		int h = in.readInt();
		if (h < 0) {
			return null;
		}
		if ((h & 1) != 0) {
			return in.readUTF();
		}
		byte[] b = new byte[h >>> 1];
		in.readFully(b);
		return new String(b, StandardCharsets.ISO_8859_1);
	}

	/**
	 * The serializer of one record type: {@link #write}/{@link #read}; copies go through
	 * a round trip (the job enables object reuse, so Flink seldom copies).
	 */
	public abstract static class Serializer<T> extends TypeSerializerSingleton<T> {

		abstract void write(T value, DataOutputView out) throws IOException;

		abstract T read(DataInputView in) throws IOException;

		@Override
		public boolean isImmutableType() {
			return false;
		}

		@Override
		public T copy(T from) {
			try {
				DataOutputSerializer out = new DataOutputSerializer(128);
				write(from, out);
				return read(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public T copy(T from, T reuse) {
			return copy(from);
		}

		@Override
		public int getLength() {
			return -1;
		}

		@Override
		public void serialize(T value, DataOutputView out) throws IOException {
			write(value, out);
		}

		@Override
		public T deserialize(DataInputView in) throws IOException {
			return read(in);
		}

		@Override
		public T deserialize(T reuse, DataInputView in) throws IOException {
			return read(in);
		}

		@Override
		public void copy(DataInputView in, DataOutputView out) throws IOException {
			write(read(in), out);
		}

	}

	/** The type information of a record with a compact serializer. */
	public static final class Info<T> extends TypeInformation<T> {

		private final Class<T> type;

		private final Serializer<T> serializer;

		Info(Class<T> type, Serializer<T> serializer) {
			this.type = type;
			this.serializer = serializer;
		}

		@Override
		public boolean isBasicType() {
			return false;
		}

		@Override
		public boolean isTupleType() {
			return false;
		}

		@Override
		public int getArity() {
			return 1;
		}

		@Override
		public int getTotalFields() {
			return 1;
		}

		@Override
		public Class<T> getTypeClass() {
			return type;
		}

		@Override
		public boolean isKeyType() {
			return false;
		}

		@Override
		public TypeSerializer<T> createSerializer(SerializerConfig config) {
			return serializer;
		}

		@Override
		public String toString() {
			return "Compact<" + type.getSimpleName() + ">";
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Info<?> i && i.type == type;
		}

		@Override
		public int hashCode() {
			return type.hashCode();
		}

		@Override
		public boolean canEqual(Object o) {
			return o instanceof Info<?>;
		}

	}

	public static final class LegSerializer extends Serializer<Leg> {

		@Override
		public Leg createInstance() {
			return new Leg();
		}

		@Override
		void write(Leg l, DataOutputView out) throws IOException {
			out.writeByte(l.kind);
			writeString(out, l.account);
			writeString(out, l.counterparty);
			writeString(out, l.transferId);
			writeString(out, l.bank);
			writeString(out, l.fromAccount);
			out.writeLong(l.amountFen);
			out.writeLong(l.time);
			out.writeLong(l.producedAt);
		}

		@Override
		Leg read(DataInputView in) throws IOException {
			Leg l = new Leg();
			l.kind = in.readByte();
			l.account = readString(in);
			l.counterparty = readString(in);
			l.transferId = readString(in);
			l.bank = readString(in);
			l.fromAccount = readString(in);
			l.amountFen = in.readLong();
			l.time = in.readLong();
			l.producedAt = in.readLong();
			return l;
		}

		@Override
		public TypeSerializerSnapshot<Leg> snapshotConfiguration() {
			return new LegSnapshot();
		}

	}

	public static final class LegSnapshot extends SimpleTypeSerializerSnapshot<Leg> {

		public LegSnapshot() {
			super(LegSerializer::new);
		}

	}

	public static final class HalfSerializer extends Serializer<Half> {

		@Override
		public Half createInstance() {
			return new Half();
		}

		@Override
		void write(Half h, DataOutputView out) throws IOException {
			writeString(out, h.transferId);
			writeString(out, h.bank);
			writeString(out, h.fromAccount);
			writeString(out, h.toAccount);
			out.writeByte(h.side);
			out.writeBoolean(h.paired);
			out.writeLong(h.amountFen);
			out.writeLong(h.time);
			out.writeLong(h.producedAt);
			out.writeShort(h.features.length);
			for (double f : h.features) {
				out.writeDouble(f);
			}
		}

		@Override
		Half read(DataInputView in) throws IOException {
			Half h = new Half();
			h.transferId = readString(in);
			h.bank = readString(in);
			h.fromAccount = readString(in);
			h.toAccount = readString(in);
			h.side = in.readByte();
			h.paired = in.readBoolean();
			h.amountFen = in.readLong();
			h.time = in.readLong();
			h.producedAt = in.readLong();
			h.features = new double[in.readShort()];
			for (int i = 0; i < h.features.length; i++) {
				h.features[i] = in.readDouble();
			}
			return h;
		}

		@Override
		public TypeSerializerSnapshot<Half> snapshotConfiguration() {
			return new HalfSnapshot();
		}

	}

	public static final class HalfSnapshot extends SimpleTypeSerializerSnapshot<Half> {

		public HalfSnapshot() {
			super(HalfSerializer::new);
		}

	}

	public static final class TransferSerializer extends Serializer<Transfer> {

		@Override
		public Transfer createInstance() {
			return new Transfer();
		}

		@Override
		void write(Transfer t, DataOutputView out) throws IOException {
			writeString(out, t.bank);
			writeString(out, t.transferId);
			writeString(out, t.fromAccount);
			writeString(out, t.toAccount);
			writeString(out, t.deviceId);
			out.writeLong(t.amountFen);
			out.writeLong(t.time);
			out.writeLong(t.producedAt);
		}

		@Override
		Transfer read(DataInputView in) throws IOException {
			Transfer t = new Transfer();
			t.bank = readString(in);
			t.transferId = readString(in);
			t.fromAccount = readString(in);
			t.toAccount = readString(in);
			t.deviceId = readString(in);
			t.amountFen = in.readLong();
			t.time = in.readLong();
			t.producedAt = in.readLong();
			return t;
		}

		@Override
		public TypeSerializerSnapshot<Transfer> snapshotConfiguration() {
			return new TransferSnapshot();
		}

	}

	public static final class TransferSnapshot extends SimpleTypeSerializerSnapshot<Transfer> {

		public TransferSnapshot() {
			super(TransferSerializer::new);
		}

	}

	public static final class DecisionSerializer extends Serializer<DecisionMessage> {

		@Override
		public DecisionMessage createInstance() {
			return new DecisionMessage();
		}

		@Override
		void write(DecisionMessage d, DataOutputView out) throws IOException {
			writeString(out, d.bank);
			writeString(out, d.fromAccount);
			writeString(out, d.transferId);
			writeString(out, d.toAccount);
			writeString(out, d.action);
			writeString(out, d.json);
			out.writeLong(d.time);
			out.writeLong(d.holdUntil);
			out.writeLong(d.matched);
			out.writeLong(d.acted);
			out.writeInt(d.ruleVersion);
			out.writeLong(d.producedAt);
		}

		@Override
		DecisionMessage read(DataInputView in) throws IOException {
			DecisionMessage d = new DecisionMessage();
			d.bank = readString(in);
			d.fromAccount = readString(in);
			d.transferId = readString(in);
			d.toAccount = readString(in);
			d.action = readString(in);
			d.json = readString(in);
			d.time = in.readLong();
			d.holdUntil = in.readLong();
			d.matched = in.readLong();
			d.acted = in.readLong();
			d.ruleVersion = in.readInt();
			d.producedAt = in.readLong();
			return d;
		}

		@Override
		public TypeSerializerSnapshot<DecisionMessage> snapshotConfiguration() {
			return new DecisionSnapshot();
		}

	}

	public static final class DecisionSnapshot extends SimpleTypeSerializerSnapshot<DecisionMessage> {

		public DecisionSnapshot() {
			super(DecisionSerializer::new);
		}

	}

	public static final class KeyedSerializer extends Serializer<Keyed> {

		@Override
		public Keyed createInstance() {
			return new Keyed();
		}

		@Override
		void write(Keyed k, DataOutputView out) throws IOException {
			writeString(out, k.key);
			writeString(out, k.json);
		}

		@Override
		Keyed read(DataInputView in) throws IOException {
			return new Keyed(readString(in), readString(in));
		}

		@Override
		public TypeSerializerSnapshot<Keyed> snapshotConfiguration() {
			return new KeyedSnapshot();
		}

	}

	public static final class KeyedSnapshot extends SimpleTypeSerializerSnapshot<Keyed> {

		public KeyedSnapshot() {
			super(KeyedSerializer::new);
		}

	}

	public static final class CallSerializer extends Serializer<Call> {

		@Override
		public Call createInstance() {
			return new Call();
		}

		@Override
		void write(Call c, DataOutputView out) throws IOException {
			writeString(out, c.operator);
			out.writeBoolean(c.call);
			out.writeLong(c.caller);
			out.writeLong(c.callee);
			out.writeLong(c.time);
			out.writeInt(c.durationSeconds);
			out.writeBoolean(c.answered);
			out.writeLong(c.cell);
			out.writeLong(c.imei);
			out.writeLong(c.calleeRegion);
		}

		@Override
		Call read(DataInputView in) throws IOException {
			Call c = new Call();
			c.operator = readString(in);
			c.call = in.readBoolean();
			c.caller = in.readLong();
			c.callee = in.readLong();
			c.time = in.readLong();
			c.durationSeconds = in.readInt();
			c.answered = in.readBoolean();
			c.cell = in.readLong();
			c.imei = in.readLong();
			c.calleeRegion = in.readLong();
			return c;
		}

		@Override
		public TypeSerializerSnapshot<Call> snapshotConfiguration() {
			return new CallSnapshot();
		}

	}

	public static final class CallSnapshot extends SimpleTypeSerializerSnapshot<Call> {

		public CallSnapshot() {
			super(CallSerializer::new);
		}

	}

}
