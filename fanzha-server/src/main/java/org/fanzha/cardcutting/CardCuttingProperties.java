package org.fanzha.cardcutting;

import java.time.Period;
import java.util.List;

import org.fanzha.engine.cardcutting.DisciplinaryListing;
import org.fanzha.engine.cardcutting.PersonCards;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Card-cutting settings ({@code fanzha.cardcutting.*}).
 *
 * @param nonCounterBusinessStopped how long non-counter business stays stopped (DOMAIN.md
 * §3, secondary: 5 years)
 * @param noNewAccounts how long no new accounts may be opened (secondary: 3 years)
 * @param simLimit how long new SIMs are limited (no published figure: 3 years assumed)
 * @param appealPeriod how long after the notice an appeal is accepted (assumed: 60 days)
 * @param cardsPerBank at most this many cards at one bank (art. 16; secondary: 4)
 * @param classIPerBank at most this many class-I accounts at one bank (secondary: 1)
 * @param simsPerOperator at most this many SIMs at one operator (art. 10; secondary: 5)
 * @param simsTotal at most this many SIMs in all (secondary: 10)
 * @param proposalInvolvements the system proposes a listing when the 帮信 assessment is
 * serious, or when this many pieces of involvement (within 2 years) have been recorded —
 * a platform threshold, not a legal one
 * @param appealChannel where the person appeals, as the notice states it
 * @param appealDocuments the documents an appeal needs, as the notice lists them
 */
@ConfigurationProperties("fanzha.cardcutting")
public record CardCuttingProperties(@DefaultValue("P5Y") Period nonCounterBusinessStopped,
		@DefaultValue("P3Y") Period noNewAccounts, @DefaultValue("P3Y") Period simLimit,
		@DefaultValue("P60D") Period appealPeriod, @DefaultValue("4") int cardsPerBank,
		@DefaultValue("1") int classIPerBank, @DefaultValue("5") int simsPerOperator, @DefaultValue("10") int simsTotal,
		@DefaultValue("2") int proposalInvolvements,
		@DefaultValue("作出认定的公安机关反诈中心（当面或书面提出，咨询电话96110）") String appealChannel, @DefaultValue( {
				"本人有效身份证件", "申诉书（说明理由）", "相关证明材料（如挂失、报案或交易说明）" }) List<String> appealDocuments){

	public CardCuttingProperties {
		if (proposalInvolvements < 1) {
			throw new IllegalArgumentException("fanzha.cardcutting.proposal-involvements must be at least 1");
		}
	}

	DisciplinaryListing.Durations durations() {
		return new DisciplinaryListing.Durations(nonCounterBusinessStopped, noNewAccounts, simLimit);
	}

	PersonCards.Limits limits() {
		return new PersonCards.Limits(cardsPerBank, classIPerBank, simsPerOperator, simsTotal);
	}
}
