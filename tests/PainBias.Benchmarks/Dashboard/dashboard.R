#!/usr/bin/env Rscript
# dashboard.R -- R's full recompute of the live dashboard's statistics, for the dashboard benchmark.
#
# Usage: Rscript dashboard.R ratings.csv out.json
# Reads a ratings CSV in the fixture format and writes, per platform x sample (All, Female, Male), Tables 1-4 of the
# dashboard (race and age Welch/pooled tests, the four-cell ranking, AU-level tests) and the six paired per-face tests,
# in the layout of the R fixtures, plus how long the CSV read and the computation took (elapsed ms, measured apart).
# tt, two_sample_block, bias_block, cell_block and au_block are the functions of
# tests/PainBias.Core.Tests/Fixtures/stats/reference.R (the fixture script, same licence); paired_block computes the
# same numbers as the fixture's but groups once with tapply instead of scanning the data once per subject, so R is
# timed at its reasonable best rather than at the fixture script's clarity-first loop.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript dashboard.R ratings.csv out.json")
suppressPackageStartupMessages(library(jsonlite))

AUS_ALL <- c("au4", "au6", "au7", "au9", "au10", "au43")
CELLS <- c("WS", "WY", "BS", "BY")
SAMPLES <- c("All", "Female", "Male")

num <- function(x) {
  if (is.null(x) || length(x) == 0) return(NA_real_)
  x <- unname(as.numeric(x[1]))
  if (!is.finite(x)) return(NA_real_)
  x
}
int <- function(x) as.integer(x)
mean_or_null <- function(x) if (length(x) >= 1) num(mean(x)) else NA_real_
sd_or_null   <- function(x) if (length(x) >= 2) num(sd(x)) else NA_real_
var_or_null  <- function(x) if (length(x) >= 2) num(var(x)) else NA_real_

tt <- function(x, y = NULL, var.equal = FALSE, paired = FALSE, alternative = "two.sided") {
  r <- tryCatch(
    if (is.null(y)) t.test(x, alternative = alternative)
    else t.test(x, y, var.equal = var.equal, paired = paired, alternative = alternative),
    error = function(e) e)
  if (inherits(r, "error")) return(list(ok = FALSE, error = conditionMessage(r)))
  if (!is.finite(r$statistic))
    return(list(ok = FALSE, error = "t statistic undefined (standard error is zero)"))
  list(ok = TRUE, t = num(r$statistic), df = num(r$parameter), p = num(r$p.value),
       se = num(r$stderr), ci = as.numeric(r$conf.int), error = NULL)
}

two_sample_block <- function(x, y) {
  w  <- tt(x, y, var.equal = FALSE)
  pl <- tt(x, y, var.equal = TRUE)
  fmt <- function(r) {
    if (!r$ok) return(list(t = NULL, df = NULL, p_two_sided = NULL, se_diff = NULL, ci95_low = NULL, ci95_high = NULL,
                           error = r$error))
    list(t = r$t, df = r$df, p_two_sided = r$p, se_diff = r$se, ci95_low = num(r$ci[1]), ci95_high = num(r$ci[2]),
         error = NULL)
  }
  list(welch = fmt(w), pooled = fmt(pl))
}

bias_block <- function(d, var, lx, ly) {
  x <- d$pspi[d[[var]] == lx]
  y <- d$pspi[d[[var]] == ly]
  out <- list()
  out[[paste0("n_", lx)]] <- int(length(x));    out[[paste0("n_", ly)]] <- int(length(y))
  out[[paste0("mean_", lx)]] <- mean_or_null(x); out[[paste0("mean_", ly)]] <- mean_or_null(y)
  out[[paste0("sd_", lx)]] <- sd_or_null(x);     out[[paste0("sd_", ly)]] <- sd_or_null(y)
  out[[paste0("var_", lx)]] <- var_or_null(x);   out[[paste0("var_", ly)]] <- var_or_null(y)
  out[[paste0("diff_", lx, "_minus_", ly)]] <- if (length(x) && length(y)) num(mean(x) - mean(y)) else NA_real_
  c(out, two_sample_block(x, y))
}

cell_block <- function(d) {
  cell <- paste0(d$perceived_race, d$perceived_age)
  cells <- lapply(CELLS, function(cn) {
    v <- d$pspi[cell == cn]
    list(cell = cn, n = int(length(v)), mean = mean_or_null(v), sd = sd_or_null(v))
  })
  names(cells) <- CELLS
  present <- CELLS[sapply(cells, function(z) z$n > 0)]
  means <- sapply(present, function(cn) mean(d$pspi[cell == cn]))
  ord <- present[order(-means, match(present, CELLS))]
  ranking <- lapply(seq_along(ord), function(i)
    list(rank = int(i), cell = ord[i], mean = cells[[ord[i]]]$mean, n = cells[[ord[i]]]$n))
  tie <- any(duplicated(signif(means, 12)))
  list(cells = cells, ranking = ranking, ranking_string = paste(ord, collapse = ">"), has_ties = tie)
}

au_block <- function(d) {
  one <- function(au, var, lx, ly) {
    x <- d[[au]][d[[var]] == lx]
    y <- d[[au]][d[[var]] == ly]
    g  <- tt(x, y, alternative = "greater")
    l  <- tt(x, y, alternative = "less")
    tw <- tt(x, y, alternative = "two.sided")
    out <- list(x = lx, y = ly, n_x = int(length(x)), n_y = int(length(y)),
                mean_x = mean_or_null(x), mean_y = mean_or_null(y), sd_x = sd_or_null(x), sd_y = sd_or_null(y),
                diff_x_minus_y = if (length(x) && length(y)) num(mean(x) - mean(y)) else NA_real_)
    if (!tw$ok) return(c(out, list(t = NULL, df = NULL, se_diff = NULL, p_greater = NULL, p_less = NULL,
                                   p_two_sided = NULL, error = tw$error)))
    c(out, list(t = tw$t, df = tw$df, se_diff = tw$se, p_greater = g$p, p_less = l$p, p_two_sided = tw$p, error = NULL))
  }
  list(
    race = setNames(lapply(AUS_ALL, one, var = "perceived_race", lx = "W", ly = "B"), AUS_ALL),
    age  = setNames(lapply(AUS_ALL, one, var = "perceived_age",  lx = "Y", ly = "S"), AUS_ALL))
}

paired_test <- function(a, b, label_a, label_b, subjects) {
  ok <- !is.na(a) & !is.na(b)
  a <- a[ok]; b <- b[ok]
  out <- list(n_pairs = int(length(a)))
  out[[paste0("mean_", label_a)]] <- mean_or_null(a)
  out[[paste0("mean_", label_b)]] <- mean_or_null(b)
  out$mean_diff <- if (length(a)) num(mean(a - b)) else NA_real_
  out$sd_diff <- sd_or_null(a - b)
  r <- tt(a, b, paired = TRUE)
  if (!r$ok) return(c(out, list(t = NULL, df = NULL, p_two_sided = NULL, se = NULL, error = r$error)))
  c(out, list(t = r$t, df = r$df, p_two_sided = r$p, se = r$se, error = NULL))
}

# The fixture's paired_block, grouped once: per-subject means with tapply (NA where a subject has no such rating) and
# each variant's perceived label from its first rating.
paired_block <- function(d) {
  subs <- sort(unique(d$subject_id))
  f <- factor(d$subject_id, levels = subs)
  m_by <- function(mask) unname(as.numeric(tapply(d$pspi[mask], f[mask], mean)))
  vm <- lapply(c("original", "skin", "age", "skin_age"), function(v) m_by(d$variant == v))
  names(vm) <- c("original", "skin", "age", "skin_age")
  lab <- function(v, col) {
    idx <- which(d$variant == v)
    first <- idx[!duplicated(f[idx])]
    out <- rep(NA_character_, length(subs))
    out[as.integer(f[first])] <- d[[col]][first]
    out
  }
  orient <- function(v1, v2, col, hi) {
    l1 <- lab(v1, col); l2 <- lab(v2, col)
    pick <- !is.na(l1) & l1 == hi | (is.na(l1) & !is.na(l2) & l2 != hi)
    list(a = ifelse(pick, vm[[v1]], vm[[v2]]), b = ifelse(pick, vm[[v2]], vm[[v1]]))
  }
  r1 <- orient("original", "skin", "perceived_race", "B")
  r2 <- orient("age", "skin_age", "perceived_race", "B")
  a1 <- orient("original", "age", "perceived_age", "S")
  a2 <- orient("skin", "skin_age", "perceived_age", "S")
  list(
    race = list(
      subject_level = paired_test(m_by(d$perceived_race == "B"), m_by(d$perceived_race == "W"), "B", "W", subs),
      original_vs_skin = paired_test(r1$a, r1$b, "B", "W", subs),
      age_vs_skin_age = paired_test(r2$a, r2$b, "B", "W", subs)),
    age = list(
      subject_level = paired_test(m_by(d$perceived_age == "S"), m_by(d$perceived_age == "Y"), "S", "Y", subs),
      original_vs_age = paired_test(a1$a, a1$b, "S", "Y", subs),
      skin_vs_skin_age = paired_test(a2$a, a2$b, "S", "Y", subs)))
}

sample_filter <- function(d, s) switch(s, All = d, Female = d[d$gender == "F", ], Male = d[d$gender == "M", ])

clock <- function() proc.time()[["elapsed"]]
t0 <- clock()
d <- read.csv(args[1], stringsAsFactors = FALSE, colClasses = c(
  platform = "character", assessor_id = "character", subject_id = "character", gender = "character",
  orig_race = "character", orig_age = "character", variant = "character", perceived_race = "character",
  perceived_age = "character"))
t1 <- clock()
res <- list()
for (pl in sort(unique(d$platform))) {
  dp <- d[d$platform == pl, ]
  res[[pl]] <- list()
  for (s in SAMPLES) {
    ds <- sample_filter(dp, s)
    res[[pl]][[s]] <- list(
      n_ratings = int(nrow(ds)),
      n_subjects = int(length(unique(ds$subject_id))),
      race_bias = bias_block(ds, "perceived_race", "B", "W"),
      age_bias = bias_block(ds, "perceived_age", "S", "Y"),
      cell_ranking = cell_block(ds),
      au_tests = au_block(ds),
      paired = paired_block(ds))
  }
}
t2 <- clock()
writeLines(toJSON(list(read_ms = (t1 - t0) * 1000, compute_ms = (t2 - t1) * 1000, n_rows = int(nrow(d)), results = res),
                  auto_unbox = TRUE, digits = NA, null = "null", na = "null"), args[2])
