package org.fanzha.funds.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fanzha.core.Beijing;
import org.fanzha.platform.ConflictException;
import org.fanzha.platform.InvalidFieldsException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the funds console needs besides the services: the bank of a signed-in officer,
 * yuan typed into a form as fen, and the services' (English, developer-facing) refusals
 * turned into the user's language.
 */
@Component
class ConsoleText {

	static final ZoneOffset BEIJING = Beijing.ZONE;

	static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

	private static final Pattern STATEMENT_ROW = Pattern.compile("statement\\[row (\\d+)\\]\\.(.+)");

	private static final Pattern MISSING_COLUMN = Pattern.compile("the column (\\S+) ");

	private final MessageSource messages;

	ConsoleText(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Yuan as typed ("1,234.5"), exactly in fen; null when blank. A malformed amount is a
	 * field error.
	 */
	static Long fen(String yuan, String field) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(yuan.strip().replace(",", "").replace("¥", "")).movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw new InvalidFieldsException(Map.of(field, "not an amount in yuan with at most two decimals"));
		}
	}

	/** A {@code datetime-local} value, Beijing time. */
	static Instant beijing(String local, String field) {
		try {
			return LocalDateTime.parse(local.strip()).toInstant(BEIJING);
		}
		catch (DateTimeParseException | NullPointerException e) {
			throw new InvalidFieldsException(Map.of(field, "not a time"));
		}
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/**
	 * A bank's name (code.bank.ICBC = 中国工商银行), or its code where the messages name none.
	 */
	String bankName(String code) {
		return code == null || code.isBlank() ? ""
				: messages.getMessage("code.bank." + code, null, code, LocaleContextHolder.getLocale());
	}

	/**
	 * A refusal as the user reads it: one sentence per invalid field, or what the
	 * conflict means.
	 */
	String explain(RuntimeException e) {
		if (e instanceof InvalidFieldsException f) {
			List<String> out = new ArrayList<>();
			for (Map.Entry<String, String> en : f.errors().entrySet()) {
				out.add(field(en.getKey(), en.getValue()));
			}
			return text("funds.error.invalid") + String.join("；", out.stream().distinct().toList());
		}
		String m = String.valueOf(e.getMessage());
		String key = e instanceof ConflictException
				? m.contains("never reached") ? "funds.error.ineligible" : m.contains("notice runs until")
						? "funds.error.noticeRunning"
						: m.contains("Objections are taken") ? "funds.error.noticeOver" : m
							.contains("already has freeze")
									? "funds.error.alreadyFrozen"
									: m.contains("Only a stop in force") ? "funds.error.notInForce" : m
										.contains("Nothing to return")
												? "funds.error.nothingToReturn"
												: m.contains("return round in progress") ? "funds.error.roundOpen" : m
													.contains("can be renewed only")
															? "funds.error.notRenewable"
															: m.contains("Answer id") || m.contains("already answered")
																	|| m.contains("answered meanwhile")
																			? "funds.error.answered"
																			: "funds.error.conflict"
				: "funds.error.conflict";
		return text(key);
	}

	private String field(String path, String detail) {
		Matcher row = STATEMENT_ROW.matcher(path);
		if (row.matches()) {
			return text("funds.error.statementRow", row.group(1), row.group(2));
		}
		if (path.equals("statement.header")) {
			Matcher col = MISSING_COLUMN.matcher(detail);
			return text("funds.error.statementHeader", col.find() ? col.group(1) : "");
		}
		// statement[3].amountFen, onward[0].toBank: the field's own name says what is
		// wrong
		String name = path.replaceAll("\\[[^\\]]*\\]", "");
		name = name.substring(name.lastIndexOf('.') + 1);
		String key = "funds.error.field." + name;
		String said = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
		return said != null ? said : text("funds.error.field", name);
	}

}
