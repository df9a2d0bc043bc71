# Reference values for libs/stats' competing risks estimators (cumulative-incidence.ts,
# gray-test.ts), computed with R's cmprsk (Gray) and survival (Therneau) packages.
#
#   Rscript tools/reference/competing-risks.R
#       prints the reference values: cuminc estimates and variances at chosen times for both
#       causes and both sexes of mgus2, Gray's test for each cause, survfit's Aalen-Johansen
#       estimate as a cross-check, and the small hand-checkable example of the spec.
#   Rscript tools/reference/competing-risks.R --fixture libs/stats/src/mgus2.fixture.ts
#       also writes the fixture the TypeScript tests read: the mgus2 rows (etime, event, sex)
#       and cuminc's estimate and variance at every jump of every curve, at full precision.
#
# Data: mgus2 from the survival package (Kyle et al. 2002, N Engl J Med 346:564; 1384
# patients with monoclonal gammopathy of undetermined significance), prepared as in Therneau,
# Crowson & Atkinson, "Multi-state models and competing risks" (survival package vignette):
# progression to a plasma cell malignancy (PCM) is cause 1, death before progression cause 2,
# time in months.
#
# Needs R with the survival and cmprsk packages (on Debian: apt-get install r-base-core
# r-cran-survival r-cran-cmprsk). The tests do not: they read the fixture.

suppressMessages({
  library(survival)
  library(cmprsk)
})

args <- commandArgs(trailingOnly = TRUE)
fixture <- if (length(args) >= 2 && args[1] == "--fixture") args[2] else NA

num <- function(x) ifelse(is.na(x), "NaN", sprintf("%.17g", x))

etime <- with(mgus2, ifelse(pstat == 0, futime, ptime))
event <- with(mgus2, ifelse(pstat == 0, 2 * death, 1))
sex <- as.character(mgus2$sex)
stopifnot(!anyNA(etime), !anyNA(event), !anyNA(sex))

cat("cmprsk", as.character(packageVersion("cmprsk")), "survival", as.character(packageVersion("survival")), "\n")
cat("mgus2:", length(etime), "rows;", table(event)[["1"]], "PCM,", table(event)[["2"]], "deaths,", table(event)[["0"]], "censored\n\n")

ci <- cuminc(etime, event, sex)
times <- c(12, 24, 60, 120, 240, 360, 400, 424, 425)
tp <- timepoints(ci, times)
cat("cuminc estimates at", times, "months (NA: beyond the group's follow-up)\n")
for (nm in rownames(tp$est)) cat(nm, ":", num(tp$est[nm, ]), "\n")
cat("\ncuminc variances\n")
for (nm in rownames(tp$var)) cat(nm, ":", num(tp$var[nm, ]), "\n")

# Gray's test, and the score and its variance straight from crstm (cuminc keeps only the
# statistic); groups are coded 1 = F, 2 = M, as cuminc codes the sorted factor levels.
cat("\nGray's test (rho = 0)\n")
print(ci$Tests, digits = 17)
gray <- list()
for (cause in 1:2) {
  o <- order(etime)
  m <- ifelse(event[o] == 0, 0, ifelse(event[o] == cause, 1, 2))
  g <- as.integer(factor(sex[o]))
  no <- length(o)
  z <- .Fortran("crstm", as.double(etime[o]), as.integer(m), as.integer(g), as.integer(rep(1, no)),
    as.integer(no), as.double(0), as.integer(1), as.integer(2), double(1), matrix(0, 1, 1),
    as.double(etime[o]), as.integer(m), as.integer(g), double(1), double(1), double(1),
    double((4 + 3 * 2) * 2), integer(4 * 2), PACKAGE = "cmprsk")
  stat <- ci$Tests[as.character(cause), "stat"]
  p <- pchisq(stat, 1, lower.tail = FALSE)
  gray[[cause]] <- c(stat = stat, p = p, score = z[[9]], variance = z[[10]][1, 1])
  cat("cause", cause, ": statistic", num(stat), " p (upper tail)", num(p), " score F", num(z[[9]]), " variance", num(z[[10]][1, 1]), "\n")
}

# Cross-check: survival's Aalen-Johansen estimate (multi-state survfit) gives the same
# cumulative incidences. Its standard errors are the infinitesimal jackknife's, not Aalen's,
# so only the estimates are compared.
fit <- survfit(Surv(etime, factor(event)) ~ sex)
sf <- summary(fit, times = c(12, 24, 60, 120, 240, 360), extend = TRUE)
cat("\nsurvfit Aalen-Johansen pstate at 12, 24, 60, 120, 240, 360 months (columns: event-free, PCM, death)\n")
print(data.frame(strata = sf$strata, time = sf$time, sf$pstate), digits = 15)

# Small example: 12 rows, ties of both causes and a censoring at t = 2 and at t = 6, two
# events of cause 1 at t = 4, groups A and B for Gray's test.
cat("\nSmall example\n")
st <- c(1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 6, 8)
sc <- c(1, 1, 2, 0, 2, 1, 1, 0, 2, 1, 0, 1)
sg <- c("A", "B", "A", "B", "A", "A", "B", "B", "A", "B", "A", "B")
sci <- cuminc(st, sc)
for (nm in names(sci)) {
  e <- sci[[nm]]
  idx <- seq(3, length(e$time) - 1, by = 2)
  cat("cause", nm, "\n")
  for (i in idx) cat("  t", e$time[i], " estimate", num(e$est[i]), " variance", num(e$var[i]), "\n")
}
sg_ci <- cuminc(st, sc, sg)
for (cause in c("1", "2")) {
  stat <- sg_ci$Tests[cause, "stat"]
  cat("Gray cause", cause, ": statistic", num(stat), " p", num(pchisq(stat, 1, lower.tail = FALSE)), "\n")
}
g3 <- rep(c("x", "y", "z"), 4)
g3_ci <- cuminc(st, sc, g3)
for (cause in c("1", "2")) {
  stat <- g3_ci$Tests[cause, "stat"]
  cat("Gray three groups x, y, z (row i in group i mod 3), cause", cause, ": statistic", num(stat), " p", num(pchisq(stat, 2, lower.tail = FALSE)), "\n")
}
ssf <- survfit(Surv(st, factor(sc)) ~ 1)
cat("survfit Aalen-Johansen at", ssf$time, "\n  cause 1:", num(ssf$pstate[, 2]), "\n  cause 2:", num(ssf$pstate[, 3]), "\n")

if (!is.na(fixture)) {
  out <- file(fixture, "w")
  w <- function(...) cat(..., file = out, sep = "")
  rows <- paste(etime, event, sex)
  w("// mgus2 from R's survival package (Kyle et al. 2002, N Engl J Med 346:564), prepared as in\n",
    "// Therneau's vignette \"Multi-state models and competing risks\": etime = ptime if progressed\n",
    "// else futime (months); event 1 = progression to a plasma cell malignancy, 2 = death\n",
    "// before progression, 0 = censored. Reference values from cmprsk ", as.character(packageVersion("cmprsk")),
    " (cuminc, crstm).\n",
    "// Generated by tools/reference/competing-risks.R --fixture; do not edit by hand. Test data only.\n\n")
  w("// One row per patient: \"etime event sex\".\n")
  w("const ROWS =\n")
  chunks <- split(rows, ceiling(seq_along(rows) / 12))
  lines <- vapply(chunks, paste, "", collapse = ",")
  lines[-length(lines)] <- paste0(lines[-length(lines)], ",")
  w(paste0("  '", lines, "'", collapse = " +\n"), ";\n\n")
  w("const parsed = ROWS.split(',').map((r) => r.split(' '));\n")
  w("export const mgus2 = {\n",
    "  etime: parsed.map((r) => Number(r[0])),\n",
    "  event: parsed.map((r) => Number(r[1])),\n",
    "  sex: parsed.map((r) => r[2] as 'F' | 'M'),\n",
    "};\n\n")
  w("/** cuminc's value after every jump of each curve (\"F 1\" = women, PCM): [time, estimate, variance]. */\n")
  w("export const mgus2Cuminc: Record<string, [number, number, number][]> = {\n")
  for (nm in names(ci)[names(ci) != "Tests"]) {
    e <- ci[[nm]]
    idx <- seq(3, length(e$time) - 1, by = 2)
    w("  '", nm, "': [\n")
    for (i in idx) w("    [", e$time[i], ", ", num(e$est[i]), ", ", num(e$var[i]), "],\n")
    w("  ],\n")
  }
  w("};\n\n")
  w("/** Gray's test per cause, women (F) against men (M): cuminc's statistic, pchisq's upper tail, crstm's score of F and its variance. */\n")
  w("export const mgus2Gray = {\n")
  for (cause in 1:2) {
    r <- gray[[cause]]
    w("  ", cause, ": { statistic: ", num(r[["stat"]]), ", p: ", num(r[["p"]]), ", scoreF: ", num(r[["score"]]), ", variance: ", num(r[["variance"]]), " },\n")
  }
  w("};\n\n")
  w("/** survfit's Aalen-Johansen cumulative incidence (pstate) at these months, per sex: [PCM, death]. */\n")
  w("export const mgus2Survfit = {\n  times: [12, 24, 60, 120, 240, 360],\n")
  for (s in c("F", "M")) {
    sel <- sf$strata == paste0("sex=", s)
    w("  ", s, ": [", paste0("[", num(sf$pstate[sel, 2]), ", ", num(sf$pstate[sel, 3]), "]", collapse = ", "), "],\n")
  }
  w("};\n")
  close(out)
  cat("\nwrote", fixture, "\n")
}
