package org.tessera.crm.core.impl.overview;

import java.lang.annotation.Annotation;

import org.tessera.crm.core.impl.contribution.ContributionExecutor;
import org.tessera.crm.core.impl.search.SearchServiceImpl;

/** The components' typed configurations, as Configuration Admin would hand them over. */
public final class Configs {
    private Configs() {
    }

    public static ContributionExecutor.Config threads(int threads) {
        return new ContributionExecutor.Config() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ContributionExecutor.Config.class;
            }
        };
    }

    public static OverviewServiceImpl.Config overviewBudget(long millis) {
        return new OverviewServiceImpl.Config() {
            @Override
            public long sectionBudgetMillis() {
                return millis;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return OverviewServiceImpl.Config.class;
            }
        };
    }

    public static SearchServiceImpl.Config searchBudget(long millis) {
        return new SearchServiceImpl.Config() {
            @Override
            public long groupBudgetMillis() {
                return millis;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SearchServiceImpl.Config.class;
            }
        };
    }
}
