"""Colour-blind-safe colours (Okabe & Ito, "Color Universal Design", 2008) used by every chart."""

OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000",
}

# One fixed colour per theme, so a theme looks the same in every chart of the course.
THEME_COLOURS = {
    "diplomacy": OKABE_ITO["blue"], "economy": OKABE_ITO["bluish_green"], "military": OKABE_ITO["vermillion"],
    "ideology": OKABE_ITO["reddish_purple"], "people": OKABE_ITO["orange"], "domestic": OKABE_ITO["sky_blue"],
}
