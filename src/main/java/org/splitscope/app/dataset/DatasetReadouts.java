package org.splitscope.app.dataset;

import java.util.Locale;
import org.splitscope.view.dataset.ChannelProfiles;
import org.splitscope.view.dataset.DatasetStats;
import org.splitscope.view.dataset.GroupShares;
import org.splitscope.view.dataset.DatasetRequest;
import org.splitscope.view.dataset.ChannelProfileFigure;
import org.splitscope.view.dataset.DatasetFigure;

/** The hover line for each part of the dataset figure, from the same statistics it is drawn from. */
final class DatasetReadouts {
    private DatasetReadouts() {}

    static String of(DatasetStats s, DatasetRequest f, Object target) {
        DatasetFigure.Options o;
        try {
            o = f.options(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (target instanceof DatasetFigure.Share share) {
            GroupShares gs = GroupShares.of(s, o.block(), o.groups());
            GroupShares.Row row = gs.rows().stream().filter(r -> r.group() == share.group()).findFirst().orElseThrow();
            return String.format(Locale.ROOT, "%s · %s (%d images) · %s: mean %.4f ± %.4f (within-group std)",
                    gs.block(), row.name(), row.images(), s.blocks().get(o.block()).words().unit(share.split()),
                    row.mean()[share.split()], row.std()[share.split()]);
        }
        if (target instanceof DatasetFigure.Cell cell) {
            double[] sum = s.summary(cell.group(), cell.block());
            DatasetStats.Block b = s.blocks().get(cell.block());
            if (b.radix() == 1) {
                return String.format(Locale.ROOT, "%s · %s: mean gate %.4f", b.name(), s.groups().get(cell.group()),
                        sum[3]);
            }
            return String.format(Locale.ROOT, "%s · %s (%d images): entropy %.4f · dominance %.4f · prefers %s "
                    + "(%.4f)", b.name(), s.groups().get(cell.group()), s.count(cell.group()), sum[0], sum[1],
                    b.words().unit((int) sum[2]), sum[3]);
        }
        if (target instanceof ChannelProfileFigure.Channel ch) {
            ChannelProfiles p = ChannelProfiles.of(s, o.split(), o.groups());
            ChannelProfiles.Profile stage = p.stages().get(ch.stage());
            int channel = stage.order()[ch.rank()];
            int per = s.blocks().get(s.blocks().stream().map(DatasetStats.Block::name).toList().indexOf(stage.block()))
                    .groupChannels();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "%s · rank %d: channel %d (k = %d, c = %d) · all images %.3f", stage.block(), ch.rank(), channel,
                    channel / per, channel % per, stage.all()[ch.rank()]));
            for (int l = 0; l < stage.lines().size(); l++) {
                line.append(String.format(Locale.ROOT, " · %s %.3f", p.names().get(l), stage.lines().get(l)[ch.rank()]));
            }
            return line.toString();
        }
        return null;
    }
}
