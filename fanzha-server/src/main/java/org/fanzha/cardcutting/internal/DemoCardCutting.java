package org.fanzha.cardcutting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.fanzha.cardcutting.DisciplinaryList;
import org.fanzha.cardcutting.InvolvementRegister;
import org.fanzha.cardcutting.Viewer;
import org.fanzha.core.BankCardNumber;
import org.fanzha.core.IdNumber;
import org.fanzha.core.RegionCode;
import org.fanzha.identity.Role;
import org.fanzha.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sample card-cutting data for {@code ./fanzha demo} (the same switch as the demo users,
 * so it runs after them once the application is ready): three persons of Yanta district,
 * Xi'an —
 * <ul>
 * <li>张某, a card dealer: five ICBC cards sold (the 帮信 card count), on the list, decided
 * by the Xi'an centre and notified — a bank's query shows the measures;</li>
 * <li>王某, whose ICBC account was used as a mule and whose SIM was a fraud SIM: proposed
 * by the system, waiting for a decision;</li>
 * <li>李某, a student of 西北大学 (NWU) who sold one card: a case at the school in the warning
 * stage.</li>
 * </ul>
 * Idempotent: nothing is added when the first person exists. The simulated province does
 * not register persons, so its flagged accounts do not reach card-cutting; registering a
 * holder's card here lets them.
 */
@Component
@ConditionalOnBooleanProperty("fanzha.identity.demo-users")
class DemoCardCutting {

	private static final Logger log = LoggerFactory.getLogger(DemoCardCutting.class);

	static final String DEALER = IdNumber.withCheckDigit("61011319950315031");

	static final String MULE = IdNumber.withCheckDigit("61011319880722042");

	static final String STUDENT = IdNumber.withCheckDigit("61011320050910052");

	private final InvolvementRegister persons;

	private final DisciplinaryList list;

	private final Clock clock;

	DemoCardCutting(InvolvementRegister persons, DisciplinaryList list, Clock clock) {
		this.persons = persons;
		this.list = list;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		Viewer centre = new Viewer("centre", Role.CENTRE_OFFICER, "XA-AFC", RegionCode.of("610100"));
		try {
			persons.search(centre, new InvolvementRegister.Search(DEALER));
			return;
		}
		catch (NotFoundException e) {
			// not seeded yet
		}
		Instant weekAgo = clock.instant().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		String dealer = persons
			.register(centre, new InvolvementRegister.NewPerson(DEALER, "张某", "13800138000", "610113", null))
			.personId();
		for (int i = 1; i <= 5; i++) {
			String card = BankCardNumber.withLuhnDigit("62220261000000000" + i);
			persons.addAccount(centre, dealer, new InvolvementRegister.NewAccount("ICBC", card, i == 1 ? "I" : "II"));
			persons.recordInvolvement(centre, dealer,
					new InvolvementRegister.NewInvolvement("BANK_CARD_SOLD", "ICBC:" + card, 1, 0L, 0L, 30_000L,
							weekAgo.plus(i, ChronoUnit.HOURS), "出售本人名下工商银行卡一张（每张300元），买家用于接收诈骗资金"));
		}
		persons.findings(centre, dealer, new InvolvementRegister.FindingsIn(true, false, "NONE"));
		long listing = persons.person(centre, dealer).listings().get(0).id();
		list.decide(centre, listing, new DisciplinaryList.DecisionIn(null, "出售银行卡5张，达到帮信罪情节严重标准"));
		list.notify(centre, listing, null);

		String mule = persons
			.register(centre, new InvolvementRegister.NewPerson(MULE, "王某", "13900139000", "610113", null))
			.personId();
		String muleCard = BankCardNumber.withLuhnDigit("622202610000000099");
		persons.addAccount(centre, mule, new InvolvementRegister.NewAccount("ICBC", muleCard, "II"));
		persons.addSim(centre, mule, new InvolvementRegister.NewSim("13900139000"));
		persons.recordInvolvement(centre, mule, new InvolvementRegister.NewInvolvement("MULE_ACCOUNT",
				"ICBC:" + muleCard, 2, 4_800_000L, 0L, 0L, weekAgo, "名下工商银行账户接收两名被害人转账共48000元后快进快出"));
		persons.recordInvolvement(centre, mule, new InvolvementRegister.NewInvolvement("FRAUD_SIM", "13900139000", 0,
				0L, 0L, 0L, weekAgo.plus(1, ChronoUnit.DAYS), "名下号码被用于冒充客服拨打诈骗电话，已被运营商停机"));

		String student = persons
			.register(centre, new InvolvementRegister.NewPerson(STUDENT, "李某", "13700137000", "610113", "NWU"))
			.personId();
		persons.recordInvolvement(centre, student,
				new InvolvementRegister.NewInvolvement("BANK_CARD_SOLD",
						"CCB:" + BankCardNumber.withLuhnDigit("621700610000000007"), 1, 0L, 0L, 50_000L, weekAgo,
						"在校学生经同学介绍以500元出售本人银行卡一张"));
		log.info(
				"Demo: card-cutting sample persons created (a listed card dealer, a proposed mule, a student case at NWU)");
	}

}
