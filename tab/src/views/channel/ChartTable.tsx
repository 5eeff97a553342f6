import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { TableRegion } from "../../board/TableRegion";
import { useI18n } from "../../i18n";

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalS },
  summary: {
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
    paddingBlock: tokens.spacingVerticalXS,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * A chart's figures as a table, one tap or key press away: a chart shows its exact values only on
 * hover, which a touch screen and a screen reader cannot do.
 */
export function ChartTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: readonly [string, string];
  rows: ReadonlyArray<readonly [string, string | number]>;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{t("overview.showAsTable")}</summary>
      <TableRegion label={caption}>
        <Table size="small" aria-label={caption}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{headers[0]}</TableHeaderCell>
              <TableHeaderCell>{headers[1]}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell>{label}</TableCell>
                <TableCell>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
    </details>
  );
}
