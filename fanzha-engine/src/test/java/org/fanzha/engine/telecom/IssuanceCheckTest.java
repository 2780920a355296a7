package org.fanzha.engine.telecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.fanzha.core.IdNumber;
import org.fanzha.core.Operator;
import org.fanzha.engine.telecom.IssuanceCheck.Application;
import org.fanzha.engine.telecom.IssuanceCheck.Decision;
import org.fanzha.engine.telecom.IssuanceCheck.FaceVerification;
import org.fanzha.engine.telecom.IssuanceCheck.Listing;
import org.fanzha.engine.telecom.IssuanceCheck.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class IssuanceCheckTest {

	static final ZoneId CST = ZoneId.of("Asia/Shanghai");

	static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	/**
	 * A real-format ID number of 雁塔区, Xi'an (610113), born on {@code birth}, with its
	 * check digit.
	 */
	static String id(LocalDate birth) {
		return IdNumber.withCheckDigit(
				String.format("610113%04d%02d%02d123", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth()));
	}

	static final String ADULT = id(LocalDate.of(1990, 6, 15));

	/** The caller's records, as the test sets them; remembers what it was asked. */
	static final class Registry implements SimRegistry {

		int heldWithOperator;

		int heldTotal;

		int applications;

		int shipped;

		boolean watched;

		final List<String> asked = new ArrayList<>();

		@Override
		public int simsHeld(IdNumber id, Operator operator) {
			asked.add("held " + operator);
			return heldWithOperator;
		}

		@Override
		public int simsHeldTotal(IdNumber id) {
			return heldTotal;
		}

		@Override
		public int applicationsSince(IdNumber id, LocalDate from) {
			asked.add("applications since " + from);
			return applications;
		}

		@Override
		public int cardsShippedTo(String normalisedAddress, LocalDate from) {
			asked.add("shipped to " + normalisedAddress + " since " + from);
			return shipped;
		}

		@Override
		public boolean agentWatched(String agentId) {
			return watched;
		}

	}

	static Clock clock(LocalDate day) {
		return Clock.fixed(day.atTime(10, 30).atZone(CST).toInstant(), CST);
	}

	static Application application(String idNumber) {
		return new Application("SQ-2026-0001", Operator.CHINA_MOBILE, idNumber, LocalDate.of(2030, 1, 1),
				FaceVerification.PASSED, false, "陕西省西安市雁塔区小寨东路1号3号楼2单元501室", "AG610113-2", true, Listing.NOT_LISTED);
	}

	static Application with(Application a, LocalDate validUntil, FaceVerification face, boolean guardian,
			String address, boolean notice, Listing listing) {
		return new Application(a.applicationId(), a.operator(), a.idNumber(), validUntil, face, guardian, address,
				a.agentId(), notice, listing);
	}

	static IssuanceCheck.Result check(Registry r, Application a) {
		return new IssuanceCheck(IssuanceCheck.Limits.DEFAULTS, r, clock(TODAY)).check(a);
	}

	static List<String> codes(IssuanceCheck.Result result) {
		return result.reasons().stream().map(Reason::code).toList();
	}

	/** The decision and the reason codes, in order ("A;B", '' for none). */
	static void expect(IssuanceCheck.Result r, Decision decision, String codes) {
		assertThat(r.decision()).isEqualTo(decision);
		assertThat(codes(r)).isEqualTo(codes.isEmpty() ? List.of() : List.of(codes.split(";")));
	}

	static Registry registry(int withOperator, int total, int applications, int shipped) {
		Registry reg = new Registry();
		reg.heldWithOperator = withOperator;
		reg.heldTotal = total;
		reg.applications = applications;
		reg.shipped = shipped;
		return reg;
	}

	@Test
	void anOrdinaryAdultIsApprovedWithoutReasons() {
		IssuanceCheck.Result r = check(new Registry(), application(ADULT));
		assertThat(r.decision()).isEqualTo(Decision.APPROVE);
		assertThat(r.reasons()).isEmpty();
		assertThat(r.applicantAge()).isEqualTo(35);
		assertThat(r.applicationDate()).isEqualTo(TODAY);
		assertThat(r.normalisedAddress()).isEqualTo("雁塔区小寨东路1号3栋2单元501");
	}

	@ParameterizedTest(name = "on {0}, born {1}, guardian {2}: {3} {4}")
	@CsvSource({
			// the day before the 16th birthday: 15
			"2026-03-01, 2010-03-02, false, REFUSE, UNDER_AGE",
			"2026-03-01, 2010-03-02, true, EXTRA_CHECK, UNDER_AGE_GUARDIAN",
			// the 16th birthday itself counts as 16
			"2026-03-01, 2010-03-01, false, APPROVE, ''", "2026-03-01, 2010-02-28, false, APPROVE, ''",
			"2026-03-01, 2012-07-01, false, REFUSE, UNDER_AGE",
			// born on 29 February: the 16th birthday falls in a leap year
			"2024-02-28, 2008-02-29, false, REFUSE, UNDER_AGE", "2024-02-29, 2008-02-29, false, APPROVE, ''" })
	void minimumAgeSixteenCountsTheBirthday(LocalDate today, LocalDate birth, boolean guardian, Decision decision,
			String code) {
		Application a = with(application(id(birth)), null, FaceVerification.PASSED, guardian, null, true,
				Listing.NOT_LISTED);
		expect(new IssuanceCheck(IssuanceCheck.Limits.DEFAULTS, new Registry(), clock(today)).check(a), decision, code);
	}

	@ParameterizedTest(name = "minimum age 17 on {0}, born 2008-02-29: {1}")
	@CsvSource({ "2025-02-28, REFUSE", "2025-03-01, APPROVE" })
	void aTwentyNinthOfFebruaryBirthdayIsReachedOnTheFirstOfMarchInCommonYears(LocalDate today, Decision decision) {
		IssuanceCheck.Limits limits = new IssuanceCheck.Limits(17, 5, 10, 3, 30, 5, 30, 1);
		IssuanceCheck.Result r = new IssuanceCheck(limits, new Registry(), clock(today))
			.check(with(application(id(LocalDate.of(2008, 2, 29))), null, FaceVerification.PASSED, false, null, true,
					Listing.NOT_LISTED));
		assertThat(r.decision()).isEqualTo(decision);
	}

	@ParameterizedTest(name = "{0} held with the operator, {1} in all: {2} {3}")
	@CsvSource({ "0, 0, APPROVE, ''",
			// 4 held + this one = the 5th: allowed; the 6th is refused
			"4, 4, APPROVE, ''", "5, 5, REFUSE, OPERATOR_LIMIT", "7, 12, REFUSE, OPERATOR_LIMIT;TOTAL_LIMIT",
			// 9 in all + this one = the 10th: allowed; the 11th is refused
			"2, 9, APPROVE, ''", "2, 10, REFUSE, TOTAL_LIMIT", "5, 10, REFUSE, OPERATOR_LIMIT;TOTAL_LIMIT" })
	void cardLimitsPerOperatorAndInAll(int withOperator, int total, Decision decision, String codes) {
		Registry reg = registry(withOperator, total, 0, 0);
		expect(check(reg, application(ADULT)), decision, codes);
		assertThat(reg.asked).contains("held CHINA_MOBILE");
	}

	@ParameterizedTest(name = "ID valid until {0}: {1}")
	@CsvSource({ "2026-02-28, REFUSE, ID_EXPIRED", "2026-03-01, APPROVE, ''", "2026-03-02, APPROVE, ''",
			"长期, APPROVE, ''" })
	void anIdExpiringTodayIsStillValidToday(String validUntil, Decision decision, String code) {
		Application a = with(application(ADULT), IssuanceCheck.date("idValidUntil", validUntil),
				FaceVerification.PASSED, false, null, true, Listing.NOT_LISTED);
		expect(check(new Registry(), a), decision, code);
	}

	@ParameterizedTest(name = "{0} cards already shipped to the address: {1}")
	@CsvSource({ "0, APPROVE, ''", "4, APPROVE, ''", "5, REFUSE, ADDRESS_LIMIT", "9, REFUSE, ADDRESS_LIMIT" })
	void cardsShippedToOneAddressAtAndOverTheLimit(int shipped, Decision decision, String code) {
		Registry reg = registry(0, 0, 0, shipped);
		expect(check(reg, application(ADULT)), decision, code);
		// the last 30 days, today included, at the normalised address
		assertThat(reg.asked).contains("shipped to 雁塔区小寨东路1号3栋2单元501 since 2026-01-31");
	}

	@Test
	void aCardHandedOverAtTheCounterIsNotCountedAgainstAnAddress() {
		Registry reg = registry(0, 0, 0, 99);
		IssuanceCheck.Result r = check(reg,
				with(application(ADULT), null, FaceVerification.PASSED, false, "  ", true, Listing.NOT_LISTED));
		assertThat(r.decision()).isEqualTo(Decision.APPROVE);
		assertThat(r.normalisedAddress()).isNull();
		assertThat(reg.asked).noneMatch(q -> q.startsWith("shipped"));
	}

	@ParameterizedTest(name = "{0} applications in the last 30 days: {1}")
	@CsvSource({ "0, APPROVE, ''", "2, APPROVE, ''", "3, EXTRA_CHECK, FREQUENT_APPLICATIONS" })
	void frequentApplicationsGetAnExtraCheck(int previous, Decision decision, String code) {
		Registry reg = registry(0, 0, previous, 0);
		expect(check(reg, application(ADULT)), decision, code);
		assertThat(reg.asked).contains("applications since 2026-01-31");
	}

	@ParameterizedTest(name = "face {0}: {1} {2}")
	@CsvSource({ "PASSED, APPROVE, ''", "MISSING, EXTRA_CHECK, FACE_MISSING", "FAILED, REFUSE, FACE_FAILED" })
	void faceVerificationIsRequired(FaceVerification face, Decision decision, String code) {
		expect(check(new Registry(), with(application(ADULT), null, face, false, null, true, Listing.NOT_LISTED)),
				decision, code);
	}

	@ParameterizedTest(name = "{0} with {1} cards in all: {2} {3}")
	@CsvSource({ "NOT_LISTED, 0, APPROVE, ''", "NEW_BUSINESS_SUSPENDED, 0, REFUSE, LISTED_SUSPENDED",
			"NETWORK_ACCESS_LIMITED, 0, EXTRA_CHECK, LISTED_LIMITED",
			"NETWORK_ACCESS_LIMITED, 1, REFUSE, LISTED_LIMIT" })
	void listedPersonsAreRefusedOrLimited(Listing listing, int total, Decision decision, String code) {
		IssuanceCheck.Result r = check(registry(0, total, 0, 0),
				with(application(ADULT), null, FaceVerification.PASSED, false, null, true, listing));
		expect(r, decision, code);
		if (!code.isEmpty()) {
			assertThat(r.reasons().get(0).source()).contains("第三十一条");
		}
	}

	@Test
	void anUnsignedRiskNoticeAndAWatchedAgentAskForAnExtraCheck() {
		Registry reg = new Registry();
		reg.watched = true;
		IssuanceCheck.Result r = check(reg,
				with(application(ADULT), null, FaceVerification.PASSED, false, null, false, Listing.NOT_LISTED));
		assertThat(r.decision()).isEqualTo(Decision.EXTRA_CHECK);
		assertThat(codes(r)).containsExactly("RISK_NOTICE_UNSIGNED", "AGENT_WATCHED");
	}

	@Test
	void theMostSevereReasonDecidesAndEveryReasonNamesItsSource() {
		IssuanceCheck.Result r = check(registry(5, 5, 0, 0),
				with(application(ADULT), null, FaceVerification.MISSING, false, null, false, Listing.NOT_LISTED));
		assertThat(r.decision()).isEqualTo(Decision.REFUSE);
		assertThat(codes(r)).containsExactly("FACE_MISSING", "OPERATOR_LIMIT", "RISK_NOTICE_UNSIGNED");
		assertThat(r.reasons()).allSatisfy(x -> {
			assertThat(x.text()).isNotBlank();
			assertThat(x.source()).isNotBlank();
		});
		assertThat(r.reasons().get(1).source()).contains("第十条");
		assertThat(r.reasons().get(1).text()).contains("中国移动").contains("5张");
	}

	static Stream<Arguments> malformed() {
		Application ok = application(ADULT);
		String wrongCheck = ADULT.substring(0, 17) + (ADULT.charAt(17) == '0' ? '1' : '0');
		return Stream.of(
				Arguments.of("wrong check digit", "idNumber",
						(ThrowingCallable) () -> check(new Registry(), application(wrongCheck))),
				Arguments.of("30 February", "idNumber",
						(ThrowingCallable) () -> check(new Registry(),
								application(IdNumber.withCheckDigit("61011320100230123")))),
				Arguments.of("born tomorrow", "idNumber",
						(ThrowingCallable) () -> check(new Registry(), application(id(TODAY.plusDays(1))))),
				Arguments.of("unknown province", "idNumber",
						(ThrowingCallable) () -> check(new Registry(),
								application(IdNumber.withCheckDigit("99011319900615123")))),
				Arguments.of("17 characters", "idNumber",
						(ThrowingCallable) () -> check(new Registry(), application(ADULT.substring(1)))),
				Arguments.of("validity before birth", "idValidUntil",
						(ThrowingCallable) () -> check(new Registry(),
								with(ok, LocalDate.of(1980, 1, 1), FaceVerification.PASSED, false, null, true,
										Listing.NOT_LISTED))),
				Arguments.of("impossible validity date", "idValidUntil",
						(ThrowingCallable) () -> IssuanceCheck.date("idValidUntil", "2031-02-30")),
				Arguments.of("a virtual operator", "operator",
						(ThrowingCallable) () -> new Application("A1", Operator.MVNO, ADULT, null,
								FaceVerification.PASSED, false, null, "AG1", true, Listing.NOT_LISTED)),
				Arguments.of("an unknown operator code", "operator",
						(ThrowingCallable) () -> IssuanceCheck.operator("XYZ")),
				Arguments.of("no application id", "applicationId",
						(ThrowingCallable) () -> new Application(" ", Operator.CHINA_MOBILE, ADULT, null,
								FaceVerification.PASSED, false, null, "AG1", true, Listing.NOT_LISTED)),
				Arguments.of("no agent", "agentId",
						(ThrowingCallable) () -> new Application("A1", Operator.CHINA_MOBILE, ADULT, null,
								FaceVerification.PASSED, false, null, null, true, Listing.NOT_LISTED)),
				Arguments.of("no face result", "face",
						(ThrowingCallable) () -> new Application("A1", Operator.CHINA_MOBILE, ADULT, null, null, false,
								null, "AG1", true, Listing.NOT_LISTED)),
				Arguments.of("an empty address", "shippingAddress", (ThrowingCallable) () -> check(new Registry(),
						with(ok, null, FaceVerification.PASSED, false, "，。 ", true, Listing.NOT_LISTED))));
	}

	@ParameterizedTest(name = "{0}: an error naming {1}")
	@MethodSource("malformed")
	void malformedInputIsAnErrorNamingTheFieldNotADecision(String what, String field, ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
	}

	@ParameterizedTest
	@CsvSource({ "CMCC, CHINA_MOBILE", "cucc, CHINA_UNICOM", "CTCC, CHINA_TELECOM", "CBN, CHINA_BROADNET",
			"中国移动, CHINA_MOBILE", "CHINA_TELECOM, CHINA_TELECOM" })
	void operatorsByTheirUsualCodes(String code, Operator operator) {
		assertThat(IssuanceCheck.operator(code)).isEqualTo(operator);
	}

	@ParameterizedTest
	@EnumSource(value = Operator.class, names = { "CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM", "CHINA_BROADNET" })
	void theLimitIsPerOperatorAsked(Operator operator) {
		Registry reg = new Registry();
		Application a = application(ADULT);
		check(reg, new Application(a.applicationId(), operator, a.idNumber(), null, FaceVerification.PASSED, false,
				null, a.agentId(), true, Listing.NOT_LISTED));
		assertThat(reg.asked).contains("held " + operator);
	}

	@ParameterizedTest
	@CsvSource({ "20300101, 2030-01-01", "2030-01-01, 2030-01-01" })
	void datesAreReadStrictly(String text, LocalDate expected) {
		assertThat(IssuanceCheck.date("idValidUntil", text)).isEqualTo(expected);
	}

}
