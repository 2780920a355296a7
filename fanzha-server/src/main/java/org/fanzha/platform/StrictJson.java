package org.fanzha.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON as banks and operators must send it, with nothing guessed: a number where text
 * belongs, a fraction of a fen, text where a number belongs, a control or
 * bidirectional-override character in a string (NUL, U+202E: they hide or reorder what an
 * officer reads) and a date outside 2000–2099 are refused with 400 naming the field,
 * instead of being coerced, truncated or stored. Tabs and line breaks stay allowed
 * (narratives).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		SimpleModule module = new SimpleModule("fanzha-strict-input");
		module.addDeserializer(String.class, new CleanText());
		module.addDeserializer(Instant.class, new PlausibleInstant());
		return builder -> builder.addModule(module)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer,
					c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}

	/**
	 * Whether a character is refused in text: C0 and C1 controls but tab and line breaks,
	 * and bidi controls.
	 */
	static boolean refused(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
				|| (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
				|| c == 0x061C || c == 0xFEFF;
	}

	static final class CleanText extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.currentToken() != JsonToken.VALUE_STRING) {
				return (String) ctxt.handleUnexpectedToken(String.class, p);
			}
			String s = p.getString();
			for (int i = 0; i < s.length(); i++) {
				if (refused(s.charAt(i))) {
					throw ctxt.weirdStringException(s, String.class,
							"contains a control character (U+%04X); send printable text".formatted((int) s.charAt(i)));
				}
			}
			return s;
		}

	}

	static final class PlausibleInstant extends ValueDeserializer<Instant> {

		@Override
		public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
			Instant at;
			if (p.currentToken() == JsonToken.VALUE_STRING) {
				String s = p.getString().trim();
				try {
					at = OffsetDateTime.parse(s).toInstant();
				}
				catch (DateTimeParseException e) {
					throw ctxt.weirdStringException(s, Instant.class,
							"is not a time with its offset, e.g. 2026-12-05T09:30:00+08:00 or 2026-12-05T01:30:00Z");
				}
			}
			else if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
				at = Instant.ofEpochSecond(p.getLongValue());
			}
			else {
				return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
			}
			if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
				throw ctxt.weirdStringException(at.toString(), Instant.class, "must be a time between 2000 and 2099");
			}
			return at;
		}

	}

}
