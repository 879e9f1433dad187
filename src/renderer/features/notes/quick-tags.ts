/** Tags a liaison officer uses most during fieldwork, offered as one-click choices. */
export const QUICK_TAGS = ['interview', 'focus group', 'hot debrief', 'reality testing'] as const;
