package org.fanzha.telecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.fanzha.core.IdNumber;
import org.fanzha.support.DemoLogins;
import org.fanzha.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The operator's issuance check end to end: stored once per application id, limits
 * counted against the SIMs the operators registered, every bad field named, nothing
 * stored half-way, an operator alone with its applications.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IssuanceApiTests {

	/** 2026-11-28 10:00 in Xi'an. */
	static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

	static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneId.of("Asia/Shanghai"));

	@TestConfiguration
	static class Config {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(NOW);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A valid ID number of someone born on the given day in Yanta district, Xi'an. */
	static String id(LocalDate born, int serial) {
		return IdNumber
			.withCheckDigit("610113" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", serial));
	}

	static String application(String appId, String operator, String idNumber, String validUntil, String face,
			boolean guardian, String address) {
		return """
				{"applicationId":"%s","operator":"%s","idNumber":"%s","idValidUntil":"%s","face":"%s","guardianPresent":%s,
				 "shippingAddress":%s,"agentId":"AG-XA-001","riskNoticeSigned":true}"""
			.formatted(appId, operator, idNumber, validUntil, face, guardian,
					address == null ? "null" : "\"" + address + "\"");
	}

	MvcResult post(String user, String path, String json) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.post(path)
				.with(httpBasic(user, DemoLogins.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn();
	}

	String check(String json) throws Exception {
		MvcResult r = post("telecom", "/api/v1/sims/applications/check", json);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	void issue(String phone, String idNumber) throws Exception {
		MvcResult r = post("telecom", "/api/v1/sims", """
				{"phone":"%s","idNumber":"%s","applicationId":null,"agentId":"AG-XA-001","activatedOn":"2026-01-05"}"""
			.formatted(phone, idNumber));
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
	}

	long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void anAdultWithAValidIdAndAPassedFaceCheckIsApprovedAndTheCheckIsStored() throws Exception {
		String adult = id(TODAY.minusYears(30), 101);
		String json = check(application("APP-1", "CMCC", adult, "2036-01-01", "PASSED", false, "陕西省西安市雁塔区科技路１号"));
		assertThat(json).contains("\"decision\":\"APPROVE\"")
			.contains("\"applicantAge\":30")
			.contains("\"applicationDate\":\"" + TODAY + "\"");
		// once per application id
		MvcResult again = post("telecom", "/api/v1/sims/applications/check",
				application("APP-1", "CMCC", adult, "2036-01-01", "PASSED", false, null));
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		String list = mvc
			.perform(MockMvcRequestBuilders.get("/api/v1/sims/applications")
				.with(httpBasic("telecom", DemoLogins.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("APP-1")
			.doesNotContain(adult)
			.contains(adult.substring(0, 3) + "***")
			.contains("\"reasons\":[]");
		// the operator's free text (its application id) stays out of the audit log
		// oversight reads
		assertThat(jdbc.sql("SELECT purpose FROM audit_entry WHERE subject_type = 'SIM_APPLICANT'")
			.query(String.class)
			.list()).isNotEmpty()
			.allSatisfy(p -> assertThat(p).doesNotContain("APP-1").isEqualTo("SIM issuance check by CHINA_MOBILE"));
	}

	@Test
	void theSixteenthBirthdayAndAnIdExpiringTodayAreTheBoundaries() throws Exception {
		String sixteenToday = id(TODAY.minusYears(16), 102);
		String sixteenTomorrow = id(TODAY.minusYears(16).plusDays(1), 103);
		assertThat(check(application("AGE-1", "CMCC", sixteenToday, "2036-01-01", "PASSED", false, null)))
			.contains("\"decision\":\"APPROVE\"");
		assertThat(check(application("AGE-2", "CMCC", sixteenTomorrow, "2036-01-01", "PASSED", false, null)))
			.contains("\"decision\":\"REFUSE\"")
			.contains("UNDER_AGE");
		assertThat(check(application("AGE-3", "CMCC", sixteenTomorrow, "2036-01-01", "PASSED", true, null)))
			.contains("\"decision\":\"EXTRA_CHECK\"")
			.contains("UNDER_AGE_GUARDIAN");
		String adult = id(TODAY.minusYears(40), 104);
		assertThat(check(application("EXP-1", "CMCC", adult, TODAY.toString(), "PASSED", false, null)))
			.contains("\"decision\":\"APPROVE\"");
		String other = id(TODAY.minusYears(41), 105);
		assertThat(check(application("EXP-2", "CMCC", other, TODAY.minusDays(1).toString(), "PASSED", false, null)))
			.contains("\"decision\":\"REFUSE\"")
			.contains("ID_EXPIRED");
		assertThat(check(application("FACE-1", "CMCC", id(TODAY.minusYears(25), 106), "长期", "FAILED", false, null)))
			.contains("\"decision\":\"REFUSE\"")
			.contains("FACE_FAILED");
	}

	@Test
	void theFifthSimWithAnOperatorIsAllowedAndTheSixthRefused() throws Exception {
		String holder = id(TODAY.minusYears(35), 107);
		for (int i = 0; i < 4; i++) {
			issue("1390000000" + i, holder);
		}
		assertThat(check(application("LIM-5", "CMCC", holder, "2036-01-01", "PASSED", false, null)))
			.contains("\"decision\":\"APPROVE\"");
		issue("13900000004", holder);
		assertThat(check(application("LIM-6", "CMCC", holder, "2036-01-01", "PASSED", false, null)))
			.contains("\"decision\":\"REFUSE\"")
			.contains("OPERATOR_LIMIT");
		// a SIM registered twice is a conflict, not a second card
		MvcResult twice = post("telecom", "/api/v1/sims", """
				{"phone":"13900000004","idNumber":"%s","agentId":"AG-XA-001","activatedOn":"2026-01-05"}"""
			.formatted(holder));
		assertThat(twice.getResponse().getStatus()).isEqualTo(409);
	}

	@Test
	void badFieldsAreNamedAllAtOnceAndNothingIsStored() throws Exception {
		long before = count("telecom_application");
		String wrongCheckDigit = id(TODAY.minusYears(30), 108);
		wrongCheckDigit = wrongCheckDigit.substring(0, 17) + (wrongCheckDigit.charAt(17) == '1' ? '2' : '1');
		MvcResult bad = post("telecom", "/api/v1/sims/applications/check", """
				{"applicationId":"BAD 1","operator":"XYZ","idNumber":"%s","idValidUntil":"2026-02-30","face":"MAYBE",
				 "agentId":"","riskNoticeSigned":null}""".formatted(wrongCheckDigit));
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(bad.getResponse().getContentType()).contains("problem+json");
		assertThat(bad.getResponse().getContentAsString()).contains("applicationId")
			.contains("operator")
			.contains("XYZ")
			.contains("idNumber")
			.contains("idValidUntil")
			.contains("face")
			.contains("agentId")
			.contains("riskNoticeSigned");
		assertThat(post("telecom", "/api/v1/sims/applications/check", "{\"applicationId\":").getResponse().getStatus())
			.isEqualTo(400);
		// China Mobile cannot check for China Unicom
		assertThat(post("telecom", "/api/v1/sims/applications/check",
				application("OTHER-1", "CUCC", id(TODAY.minusYears(30), 109), "长期", "PASSED", false, null))
			.getResponse()
			.getContentAsString()).contains("an operator checks its own applications");
		assertThat(count("telecom_application")).isEqualTo(before);
		MvcResult badSim = post("telecom", "/api/v1/sims", """
				{"phone":"12345","idNumber":"123","agentId":"AG","activatedOn":"2099-01-01"}""");
		assertThat(badSim.getResponse().getStatus()).isEqualTo(400);
		assertThat(badSim.getResponse().getContentAsString()).contains("phone")
			.contains("idNumber")
			.contains("activatedOn");
	}

	@Test
	void theClerkChecksFromTheConsole() throws Exception {
		String adult = id(TODAY.minusYears(33), 111);
		MvcResult r = mvc
			.perform(MockMvcRequestBuilders.post("/telecom/applications/check")
				.with(httpBasic("telecom", DemoLogins.PASSWORD))
				.with(SecurityMockMvcRequestPostProcessors.csrf())
				.param("applicationId", "CONSOLE-1")
				.param("idNumber", adult)
				.param("idValidUntil", "长期")
				.param("face", "MISSING")
				.param("agentId", "AG-XA-002")
				.param("riskNoticeSigned", "true"))
			.andReturn();
		assertThat(r.getResponse().getContentAsString()).contains("id=\"check-answer\"")
			.contains("EXTRA_CHECK")
			.contains("FACE_MISSING");
		MvcResult bad = mvc
			.perform(MockMvcRequestBuilders.post("/telecom/applications/check")
				.with(httpBasic("telecom", DemoLogins.PASSWORD))
				.with(SecurityMockMvcRequestPostProcessors.csrf())
				.param("applicationId", "CONSOLE-2")
				.param("idNumber", "610113")
				.param("face", "PASSED")
				.param("agentId", "AG-XA-002"))
			.andReturn();
		assertThat(bad.getResponse().getContentAsString()).contains("id=\"telecom-error\"").contains("idNumber");
	}

	@Test
	void onlyOperatorsCheckApplications() throws Exception {
		String json = application("ROLE-1", "CMCC", id(TODAY.minusYears(30), 110), "长期", "PASSED", false, null);
		assertThat(post("bank", "/api/v1/sims/applications/check", json).getResponse().getStatus()).isEqualTo(403);
		assertThat(post("centre", "/api/v1/sims/applications/check", json).getResponse().getStatus()).isEqualTo(403);
	}

}
