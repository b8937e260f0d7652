/** Invented names and everyday words for the benchmark organisation (no real people). */
export const givenNames = [
  'Alex', 'Sam', 'Jordan', 'Taylor', 'Riley', 'Casey', 'Morgan', 'Jamie', 'Charlie', 'Robin', 'Ash', 'Drew', 'Priya', 'Tom', 'Grace', 'Aisha',
  'Ben', 'Chloe', 'Daniel', 'Ella', 'Farah', 'George', 'Hannah', 'Imran', 'Jade', 'Kofi', 'Laura', 'Mohammed', 'Nina', 'Oliver', 'Pooja', 'Ravi',
];
export const familyNames = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker',
  'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Khan', 'Lewis', 'Hughes', 'Okoro', 'Shah', 'Reed', 'Morgan', 'Lee', 'Ali',
];
export const checkInNotes = [
  'Went for a short walk', 'Slept badly', 'Called my sister', 'Did the activity plan', 'Felt a bit lighter today', 'Busy day at work', 'Tired',
  'Hard week', 'Stayed in bed late', 'Saw friends', 'Quiet day', 'Argument at home', 'Gardening', 'Cooked a proper meal',
];
export const clientMessages = [
  'I tried the activity plan this week, it was harder than I thought.',
  'Could we talk about sleep at the next session?',
  'I might be a few minutes late on Thursday.',
  'Thanks for the feedback on my diary.',
  'This week has been difficult, but I kept checking in.',
  'I finished the step on thinking traps.',
];
export const staffMessages = [
  'Thank you for letting me know. We can look at it together next time.',
  'Well done for keeping going with the diary this week.',
  'That is fine, see you then.',
  'It is good that you noticed that. Let us talk about it on Thursday.',
];
export const feedbackTexts = [
  'Thank you for sharing this. You noticed how your mood lifted after the walk: that is what we are looking for.',
  'Good work. Could you add one small activity for the weekend?',
  'This is a helpful record. Let us look at the balanced thought together next session.',
];
export const activities = ['Walk in the park', 'Phone a friend', 'Cook dinner', 'Tidy the kitchen', 'Read for 20 minutes', 'Go to the shop', 'Shower and get dressed'];
export const problemDescriptors = ['Low mood', 'Depression', 'Low mood and worry', 'Depression with sleep problems'];
