package org.fanzha.engine.returns;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days for deadlines such as "the bank returns the money within 3 working days"
 * (art. 12 of the 2016 return rules). Weekends are off unless the State Council's holiday
 * notice makes them working days (调休); public holidays are off. Both lists come from
 * configuration, as the notice changes every year.
 */
public record WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {

	public WorkingCalendar {
		holidays = Set.copyOf(holidays);
		workingWeekendDays = Set.copyOf(workingWeekendDays);
	}

	public boolean isWorkingDay(LocalDate day) {
		if (holidays.contains(day)) {
			return false;
		}
		DayOfWeek d = day.getDayOfWeek();
		boolean weekend = d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
		return !weekend || workingWeekendDays.contains(day);
	}

	/**
	 * The day by which {@code n} working days after {@code from} have passed (from itself
	 * does not count).
	 */
	public LocalDate plusWorkingDays(LocalDate from, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("n must be >= 0");
		}
		LocalDate d = from;
		int left = n;
		while (left > 0) {
			d = d.plusDays(1);
			if (isWorkingDay(d)) {
				left--;
			}
		}
		return d;
	}
}
