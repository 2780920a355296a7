package org.fanzha.simulation;

import java.time.Clock;
import java.time.Instant;

import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.funds.TransferLedger;
import org.fanzha.sim.world.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The simulated province's banks answer stop-payment instructions through the same gateway as real banks,
 * after a delay, from the simulated ledger: the bank checks the payee's name against its customer, then stops
 * what the account still holds (all, part, or nothing because the money has moved on).
 */
@Component
class DemoBanks {

	private static final Logger log = LoggerFactory.getLogger(DemoBanks.class);

	private final LiveProvince province;

	private final FundControl funds;

	private final TransferLedger ledger;

	private final SimulationProperties properties;

	private final Clock clock;

	private final org.fanzha.funds.FundQueries queries;

	DemoBanks(LiveProvince province, FundControl funds, TransferLedger ledger, SimulationProperties properties,
			Clock clock, org.fanzha.funds.FundQueries queries) {
		this.province = province;
		this.queries = queries;
		this.funds = funds;
		this.ledger = ledger;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelay = 2_000, initialDelay = 5_000)
	void answer() {
		World world = province.world();
		if (world == null) {
			return;
		}
		Instant due = clock.instant().minusSeconds(properties.bankDelaySeconds());
		// fund queries: the simulated banks answer with the balance and the statement from the ledger
		for (org.fanzha.sim.world.Catalog.Institution institution : org.fanzha.sim.world.Catalog.INSTITUTIONS) {
			String bank = institution.code();
			for (org.fanzha.funds.FundQueries.QueryView q : queries.forBank(bank, "REQUESTED")) {
				try {
					Long balance = ledger.balance(q.accountId());
					queries.answer(bank, q.id(), "demo-q-" + q.id(), balance == null ? 0 : balance,
							ledger.statement(q.accountId(), q.from().getEpochSecond(), q.to().getEpochSecond()));
				}
				catch (RuntimeException e) {
					log.warn("Simulated bank {} could not answer query {}: {}", bank, q.id(), e.getMessage());
				}
			}
		}
		for (String bank : funds.institutionsWaiting()) {
			for (InstructionView v : funds.forBank(bank, "ISSUED")) {
				if (v.issuedAt() == null || v.issuedAt().isAfter(due)) {
					continue;
				}
				try {
					answer(world, bank, v);
				}
				catch (RuntimeException e) {
					log.warn("Simulated bank {} could not answer instruction {}: {}", bank, v.id(), e.getMessage());
				}
			}
		}
	}

	private void answer(World world, String bank, InstructionView v) {
		String actor = "simulated " + bank;
		String answerId = "demo-" + v.id();
		String holder = v.accountId().startsWith("A") ? world.population.holderName(Integer.parseInt(v.accountId().substring(1)))
				: null;
		if (holder != null && v.payeeName() != null && !holder.equals(v.payeeName())) {
			funds.answer(bank, v.id(), answerId, FundControl.Result.REJECTED, null,
					"payee name does not match the account holder", actor);
			return;
		}
		if (funds.executedStops(v.accountId()) >= 2) {
			funds.answer(bank, v.id(), answerId, FundControl.Result.REJECTED, null,
					"the account was already stopped twice; a freeze is needed", actor);
			return;
		}
		Long balance = ledger.balance(v.accountId());
		long b = balance == null ? 0 : balance;
		if (b >= v.amountFen()) {
			funds.answer(bank, v.id(), answerId, FundControl.Result.EXECUTED, null, null, actor);
		}
		else if (b > 0) {
			funds.answer(bank, v.id(), answerId, FundControl.Result.PARTIALLY_EXECUTED, b, null, actor);
		}
		else {
			funds.answer(bank, v.id(), answerId, FundControl.Result.REJECTED, null,
					"no balance left: the money has moved on", actor);
		}
	}
}
