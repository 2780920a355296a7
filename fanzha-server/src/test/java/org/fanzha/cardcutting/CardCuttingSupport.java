package org.fanzha.cardcutting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fanzha.core.BankCardNumber;
import org.fanzha.core.IdNumber;
import org.fanzha.support.DemoLogins;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Requests as the demo users, and fresh ID and card numbers for each test. */
abstract class CardCuttingSupport {

	private static final AtomicInteger SERIAL = new AtomicInteger(100);

	abstract MockMvc mvc();

	/** A new valid ID number of someone born in 1990 in the given county. */
	static String newId(String region) {
		return IdNumber.withCheckDigit(region + "19900101" + String.format("%03d", SERIAL.incrementAndGet() % 1000));
	}

	static String newCard() {
		return BankCardNumber.withLuhnDigit("6222026" + String.format("%011d", System.nanoTime() % 100_000_000_000L));
	}

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc()
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	MvcResult put(String user, String path, String json) throws Exception {
		return mvc()
			.perform(MockMvcRequestBuilders.put(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	MvcResult get(String user, String path) throws Exception {
		return mvc().perform(MockMvcRequestBuilders.get(path).with(httpBasic(user, DemoLogins.PASSWORD))).andReturn();
	}

	String ok(MvcResult r) throws Exception {
		String body = r.getResponse().getContentAsString();
		assertThat(r.getResponse().getStatus()).as(body).isBetween(200, 201);
		return body;
	}

	/**
	 * Registers a person and records two pieces of involvement, so the system proposes a
	 * listing; answers its id.
	 */
	long proposed(String id, String region, String school) throws Exception {
		ok(post("centre", "/api/v1/cardcutting/persons", """
				{"idNumber":"%s","name":"赵某","phone":"13811112222","regionCode":"%s"%s}""".formatted(id, region,
				school == null ? "" : ",\"school\":\"" + school + "\"")));
		String card = newCard();
		ok(post("centre", personPath(id) + "/accounts", """
				{"bank":"ICBC","cardNumber":"%s","accountClass":"II"}""".formatted(card)));
		ok(post("centre", personPath(id) + "/involvements", """
				{"kind":"BANK_CARD_SOLD","reference":"ICBC:%s","illegalGainsFen":30000,"detail":"以300元出售银行卡"}"""
			.formatted(card)));
		String person = ok(post("centre", personPath(id) + "/involvements", """
				{"kind":"OTHER","settlementFen":500000,"targetsHelped":1,"detail":"为他人转账5000元"}"""));
		assertThat(person).contains("\"status\":\"PROPOSED\"");
		return listingId(person);
	}

	/**
	 * The opaque id the API addresses a person by, found by the centre's search on the ID
	 * number.
	 */
	String personId(String idNumber) throws Exception {
		return personIdOf(
				ok(post("centre", "/api/v1/cardcutting/persons/search", "{\"idNumber\":\"" + idNumber + "\"}")));
	}

	String personPath(String idNumber) throws Exception {
		return "/api/v1/cardcutting/persons/" + personId(idNumber);
	}

	/** The list check of a bank or operator: the ID number goes in the body. */
	MvcResult check(String user, String idNumber) throws Exception {
		return post(user, "/api/v1/cardcutting/disciplinary-list/check", "{\"idNumber\":\"" + idNumber + "\"}");
	}

	static String personIdOf(String json) {
		Matcher m = Pattern.compile("\"personId\":\"([^\"]+)\"").matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return m.group(1);
	}

	static long listingId(String json) {
		Matcher m = Pattern.compile("\"listings\":\\[\\{\"id\":(\\d+)").matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return Long.parseLong(m.group(1));
	}

}
