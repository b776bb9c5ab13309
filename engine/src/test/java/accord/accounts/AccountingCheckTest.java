package accord.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import accord.sim.Results;
import accord.sim.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accounts stage finds broken identities, and measures each against the numbers it combines. */
class AccountingCheckTest {

  static final String SIM = """
      param alpha1 = 0.6
      param alpha2 = 0.4
      param theta = 0.2
      exogenous G = 20
      var H = 0
      Y = C + G
      T = theta*Y
      YD = Y - T
      C = alpha1*YD + alpha2*H(-1)
      H = H(-1) + YD - C
      Hs = Hs(-1) + G - T
      hidden H = Hs
      """;

  @Test
  void aConsistentModelHoldsEveryIdentity() {
    assertThat(AccountingCheck.check(Run.of(SIM, 20))).isEmpty();
  }

  @Test
  void aBrokenHiddenEquationIsFoundInEveryPeriodItFails() {
    Results r = Run.of(SIM.replace("hidden H = Hs", "hidden H = Hs + 1e-6*Y"), 5);
    List<Violation> v = AccountingCheck.check(r);
    assertThat(v).hasSize(4);
    assertThat(v.get(0).describe()).contains("hidden equation at test.acc:12", "period 2");
  }

  @Test
  void aMatrixRowThatDoesNotSumIsFound() {
    Results r = Run.of(SIM + """
        matrix flows "transactions"
          columns Households, Production, Government
          row "Consumption": -C, +C, .
          row "Taxes": -T, ., +T*1.001
        end
        """, 4);
    assertThat(AccountingCheck.check(r)).extracting(Violation::describe)
        .anyMatch(d -> d.contains("row \"Taxes\"")).anyMatch(d -> d.contains("column \"Government\""));
  }

  @Test
  void aDifferenceOfLargeStocksIsMeasuredAgainstTheStocks() {
    // F is the change of a large stock; F = K - 1e-7 breaks the identity by a 1e-12 share of S,
    // far inside the solver's own precision for S, but 1e-8 of F itself
    String stocks = """
        exogenous K = 10
        var S = 1e5
        S = S(-1) + K
        F = 4*(S - S(-1))/4
        hidden F = K - 1e-7
        """;
    assertThat(AccountingCheck.check(Run.of(stocks, 4))).isEmpty();
    assertThat(AccountingCheck.check(Run.of(stocks.replace("K - 1e-7", "K - 1e-3"), 4))).isNotEmpty();
  }
}
