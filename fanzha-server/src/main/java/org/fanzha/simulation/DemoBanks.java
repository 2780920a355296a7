package org.fanzha.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fanzha.funds.FundControl;
import org.fanzha.funds.InstructionView;
import org.fanzha.funds.QueryControl;
import org.fanzha.funds.Workflows;
import org.fanzha.ledger.StatementRow;
import org.fanzha.sim.world.Catalog;
import org.fanzha.sim.world.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The simulated province's banks answer stop-payment instructions and fund queries
 * through the same gateway as real banks, after a delay, from their own books
 * ({@link BankBooks}, not the platform's ledger): the bank checks the payee's name
 * against its customer, then stops what the account still holds (all, part, or nothing
 * because the money has moved on) and sends the account's statement since the money
 * arrived, which extends the platform's trace.
 */
@Component
class DemoBanks {

	private static final Logger log = LoggerFactory.getLogger(DemoBanks.class);

	/** How far back a stop answer's statement goes before the instructed transaction. */
	static final Duration STATEMENT_BEFORE = Duration.ofHours(1);

	private final LiveProvince province;

	private final FundControl funds;

	private final BankBooks books;

	private final SimulationProperties properties;

	private final Clock clock;

	private final QueryControl queries;

	DemoBanks(LiveProvince province, FundControl funds, BankBooks books, SimulationProperties properties, Clock clock,
			QueryControl queries) {
		this.province = province;
		this.queries = queries;
		this.funds = funds;
		this.books = books;
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
		for (Catalog.Institution institution : Catalog.INSTITUTIONS) {
			String bank = institution.code();
			for (QueryControl.QueryView q : queries.forBank(bank, Workflows.QueryStatus.REQUESTED)) {
				try {
					Long balance = books.balance(q.accountId());
					queries.answer(bank, q.id(), "demo-q-" + q.id(), balance == null ? 0 : balance,
							books.statement(q.accountId(), q.from().getEpochSecond(), q.to().getEpochSecond()),
							"simulated " + bank);
				}
				catch (RuntimeException e) {
					log.warn("Simulated bank {} could not answer query {}: {}", bank, q.id(), e.getMessage());
				}
			}
		}
		for (String bank : funds.institutionsWaiting()) {
			for (InstructionView v : funds.forBank(bank, Workflows.StopStatus.ISSUED)) {
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
		String holder = v.accountId().startsWith("A")
				? world.population.holderName(Integer.parseInt(v.accountId().substring(1))) : null;
		if (holder != null && v.payeeName() != null && !holder.equals(v.payeeName())) {
			funds.answer(bank, v.id(), answerId, FundControl.Result.REJECTED, null, "收款人户名与账户户名不符", actor);
			return;
		}
		long now = clock.instant().getEpochSecond();
		List<StatementRow> statement = books.statement(v.accountId(),
				v.transactionTime().minus(STATEMENT_BEFORE).getEpochSecond(), now);
		Long balance = books.balance(v.accountId());
		long b = balance == null ? 0 : balance;
		if (b >= v.amountFen()) {
			funds.answer(bank, v.id(), answerId, FundControl.Result.EXECUTED, null, null, List.of(), statement, actor);
		}
		else if (b > 0) {
			funds.answer(bank, v.id(), answerId, FundControl.Result.PARTIALLY_EXECUTED, b, null, List.of(), statement,
					actor);
		}
		else {
			funds.answer(bank, v.id(), answerId, FundControl.Result.REJECTED, null, "账户无余额，资金已转出", List.of(), statement,
					actor);
		}
	}

}
