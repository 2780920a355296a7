package org.fanzha.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way a code (an enum constant, a status, a reason code) reaches a console page:
 * through the message key {@code code.<kind>.<CODE>}, e.g. {@code code.decision.DELAY}.
 * Templates call {@code ${@labels.of('decision', x)}}. A missing key shows as
 * {@code ??code.decision.X??}, as Thymeleaf does for {@code #{...}}, so the page tests
 * see it. The API keeps the codes: banks and operators read them.
 */
@Component("labels")
public class Labels {

	private final MessageSource messages;

	public Labels(MessageSource messages) {
		this.messages = messages;
	}

	/** The label of a code, or "" for none. */
	public String of(String kind, Object code) {
		if (code == null || code.toString().isBlank()) {
			return "";
		}
		String key = "code." + kind + "." + (code instanceof Enum<?> e ? e.name() : code.toString().strip());
		String said = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
		return said != null ? said : "??" + key + "??";
	}

	/**
	 * Free text that may be a code, as banks' rejection reasons are: the label where
	 * {@code code.<kind>.<text>} is known, else the text as written.
	 */
	public String text(String kind, String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String said = messages.getMessage("code." + kind + "." + text.strip(), null, null,
				LocaleContextHolder.getLocale());
		return said != null ? said : text;
	}

	/**
	 * A developer-written phrase, as the audit trail's purposes are ("console: case
	 * list", "listing 4"): the label of its longest known head
	 * ({@code code.<kind>.<head as a slug>}, the rest of the phrase as {0}), else the
	 * phrase.
	 */
	public String phrase(String kind, String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String[] words = text.strip().split("\\s+");
		for (int n = words.length; n > 0; n--) {
			String head = String.join(" ", Arrays.copyOf(words, n))
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9]+", "-")
				.replaceAll("^-|-$", "");
			String rest = String.join(" ", Arrays.copyOfRange(words, n, words.length));
			String said = messages.getMessage("code." + kind + "." + head,
					rest.isEmpty() ? null : new Object[] { rest }, null, LocaleContextHolder.getLocale());
			if (said != null) {
				return said;
			}
		}
		return text;
	}

	/**
	 * A service's refusal as a console page shows it. The services explain themselves in
	 * English to developers ("victim.idNumber: check digit expected 5, got 1"); a page
	 * names the fields in the user's language, and only an English page repeats the
	 * detail.
	 */
	public String explain(RuntimeException e) {
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		if (e instanceof InvalidFieldsException f) {
			List<String> out = new ArrayList<>();
			for (Map.Entry<String, String> en : f.errors().entrySet()) {
				String label = field(en.getKey());
				out.add(english ? label + " (" + en.getValue() + ")" : label);
			}
			return message("form.invalid", String.join(english ? "; " : "、", out.stream().distinct().toList()));
		}
		return english && e.getMessage() != null ? message("form.refused", e.getMessage())
				: message("form.refused", "").strip();
	}

	private String field(String path) {
		String plain = path.replaceAll("\\[[^\\]]*\\]", "");
		String said = messages.getMessage("field." + plain, null, null, LocaleContextHolder.getLocale());
		String last = plain.substring(plain.lastIndexOf('.') + 1);
		if (said == null) {
			said = messages.getMessage("field." + last, null, null, LocaleContextHolder.getLocale());
		}
		return said != null ? said : last;
	}

	private String message(String key, String arg) {
		return messages.getMessage(key, new Object[] { arg }, key, LocaleContextHolder.getLocale());
	}

	/**
	 * A reason as services write it, "MASS_CALLING 大量呼叫…" or "AGENT_RISK EXTRA_CHECK
	 * 受理代理商…", without its codes.
	 */
	public String withoutCodes(String reason) {
		return reason == null ? "" : reason.replaceFirst("^([A-Z][A-Z0-9_]+ )+", "");
	}

	/** The codes in front of a reason, for a tooltip. */
	public String codesOf(String reason) {
		return reason == null ? "" : reason.substring(0, reason.length() - withoutCodes(reason).length()).strip();
	}

	/**
	 * An enum constant under its simple class name as the kind, e.g.
	 * {@code code.AuditAction.READ}.
	 */
	public String of(Enum<?> code) {
		return code == null ? "" : of(code.getDeclaringClass().getSimpleName(), code);
	}

}
