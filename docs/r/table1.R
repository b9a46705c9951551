# Reproduces Table 1 of the reference study (race bias in PSPI) from a PainBias ratings export.
#
#   Rscript docs/r/table1.R ratings-<study id>.csv
#
# The export is UTF-8 with a byte-order mark, one row per rating; excluded ratings are kept and flagged, so they are
# dropped here exactly as the platform's own analyses drop them. Columns are described in the export's codebook.
# Base R only. The numbers equal the dashboard's Table 1 and results.json (race_bias, Welch test).

args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) > 0) args[[1]] else "ratings.csv"
d <- read.csv(path, fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE, colClasses = c(included = "character"))
d <- d[tolower(d$included) == "true", ]

stars <- function(p) ifelse(p < 0.01, "***", ifelse(p < 0.05, "**", ifelse(p < 0.1, "*", "")))

rows <- list()
for (platform in sort(unique(d$platform))) {
  for (sample in c("All", "Female", "Male")) {
    s <- d[d$platform == platform & (sample == "All" | d$gender == substr(sample, 1, 1)), ]
    black <- s$pspi[s$perceived_race == "B"]
    white <- s$pspi[s$perceived_race == "W"]
    if (length(black) < 2 || length(white) < 2) {
      # Undefined for these data: say so rather than fail (as the dashboard does).
      rows[[length(rows) + 1]] <- data.frame(platform, sample, black = NA, n_black = length(black), white = NA,
                                             n_white = length(white), diff = NA, se = NA, p = NA, stars = "")
      next
    }
    welch <- t.test(black, white)  # Welch two-sample t-test, x = B, y = W
    rows[[length(rows) + 1]] <- data.frame(platform, sample,
                                           black = mean(black), n_black = length(black),
                                           white = mean(white), n_white = length(white),
                                           diff = mean(black) - mean(white), se = unname(welch$stderr),
                                           p = welch$p.value, stars = stars(welch$p.value))
  }
}
table1 <- do.call(rbind, rows)
print(table1, digits = 4, row.names = FALSE)
