package org.fanzha.simulation;

import org.fanzha.engine.stop.AccountInfo;
import org.fanzha.funds.TransferLedger;
import org.fanzha.sim.world.World;

/** What the simulated banks know of their accounts: holder names, bank codes and card numbers. */
final class WorldAccounts implements AccountInfo {

	private final World world;

	private final TransferLedger ledger;

	WorldAccounts(World world, TransferLedger ledger) {
		this.world = world;
		this.ledger = ledger;
	}

	private int worldIndex(int ledgerAccount) {
		String id = ledger.accountIdOf(ledgerAccount);
		if (id == null || id.length() < 2 || id.charAt(0) != 'A') {
			return -1;
		}
		try {
			int a = Integer.parseInt(id, 1, id.length(), 10);
			return a < world.population.accounts() ? a : -1;
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	@Override
	public String holderName(int account) {
		int a = worldIndex(account);
		return a < 0 ? null : world.population.holderName(a);
	}

	@Override
	public String institution(int account) {
		int a = worldIndex(account);
		return a < 0 ? null : world.population.institutionCode(a);
	}

	@Override
	public String number(int account) {
		int a = worldIndex(account);
		if (a < 0) {
			return null;
		}
		String card = world.population.cardNumber(a);
		return card.isEmpty() ? ledger.accountIdOf(account) : card;
	}
}
