package org.fanzha.warnings;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.fanzha.core.Beijing;
import org.fanzha.engine.warnings.Channel;
import org.fanzha.engine.warnings.Grade;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The lines of a task's history ("05-12 14:03 预警生成：高风险，见面劝阻"). They are stored with the
 * task as the record of what happened, so they are written once, in the platform's
 * language of record (zh-CN), with the labels of the message bundle
 * ({@code warnings.channel.*}, {@code warnings.outcome.*}) that the console shows too.
 */
@Component
class History {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(Beijing.ZONE);

	private final MessageSource messages;

	History(MessageSource messages) {
		this.messages = messages;
	}

	String raised(Instant at, Grade grade, Channel channel) {
		return AT.format(at) + " 预警生成：" + grade.label() + "，" + channel(channel);
	}

	String gradeRose(Instant at, Grade grade, Channel channel) {
		return AT.format(at) + " 新线索，风险升为" + grade.label() + "，改为" + channel(channel);
	}

	String closed(Instant at, String outcome, String actor) {
		return AT.format(at) + " 结案：" + label("warnings.outcome." + outcome, outcome) + "（" + actor + "）";
	}

	/**
	 * A line with the time in front: an escalation's reason, an attempt that did not
	 * reach the person.
	 */
	String line(Instant at, String text) {
		return AT.format(at) + " " + text;
	}

	private String channel(Channel c) {
		return label("warnings.channel." + c.name(), c.name());
	}

	private String label(String key, String fallback) {
		return messages.getMessage(key, null, fallback, Locale.SIMPLIFIED_CHINESE);
	}

}
