// The form of a name the learners' search key holds: lower case, ё as е —
// the same rule as the learner_search_name trigger in the database.
export const searchKey = (value: string): string => value.toLowerCase().replace(/ё/g, "е");
