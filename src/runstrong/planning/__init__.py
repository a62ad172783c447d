"""The runner's week: plans, today's suggestion, the week ahead, light versions, progression."""
