// CSS imports are inert in jsdom.
export default {};
